package io.shipbridge.local.states;

/**
 * An error as Step Functions names it: {@code States.Timeout}, {@code States.Runtime}, or a task's own error (for a
 * Lambda function, the fully qualified class name of the exception it threw).
 */
public class StatesError extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public static final String ALL = "States.ALL";
    public static final String TASK_FAILED = "States.TaskFailed";
    public static final String TIMEOUT = "States.Timeout";
    public static final String HEARTBEAT_TIMEOUT = "States.HeartbeatTimeout";
    public static final String RUNTIME = "States.Runtime";
    public static final String NO_CHOICE_MATCHED = "States.NoChoiceMatched";
    public static final String INTRINSIC_FAILURE = "States.IntrinsicFailure";
    public static final String PARAMETER_PATH_FAILURE = "States.ParameterPathFailure";
    public static final String RESULT_PATH_MATCH_FAILURE = "States.ResultPathMatchFailure";
    public static final String BRANCH_FAILED = "States.BranchFailed";

    private final String error;
    private final String errorCause;

    public StatesError(String error, String cause) {
        super(error + (cause == null ? "" : ": " + cause));
        this.error = error;
        this.errorCause = cause;
    }

    public static StatesError runtime(String cause) {
        return new StatesError(RUNTIME, cause);
    }

    public String error() {
        return error;
    }

    public String errorCause() {
        return errorCause;
    }

    /** A States.Runtime error ends the execution: no Retry or Catch, not even States.ALL, takes it. */
    public boolean isRuntime() {
        return RUNTIME.equals(error);
    }

    /** Whether a Retry or Catch rule's {@code ErrorEquals} entry takes this error, as the ASL specification says. */
    public boolean matches(String errorEquals) {
        if (isRuntime()) {
            return false;
        }
        if (ALL.equals(errorEquals)) {
            return true;
        }
        if (TASK_FAILED.equals(errorEquals)) {
            return !TIMEOUT.equals(error);
        }
        return errorEquals.equals(error);
    }
}
