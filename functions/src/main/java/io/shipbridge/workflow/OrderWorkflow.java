package io.shipbridge.workflow;

import io.shipbridge.config.Json;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.regex.Pattern;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sfn.model.ExecutionAlreadyExistsException;
import software.amazon.awssdk.services.sfn.model.ExecutionListItem;
import software.amazon.awssdk.services.sfn.model.ExecutionStatus;
import software.amazon.awssdk.services.sfn.model.InvalidTokenException;
import software.amazon.awssdk.services.sfn.model.ListExecutionsResponse;
import software.amazon.awssdk.services.sfn.model.TaskDoesNotExistException;
import software.amazon.awssdk.services.sfn.model.TaskTimedOutException;

/**
 * The order state machine seen from the functions: start an order's execution (named after the order, so starting
 * it twice starts it once) and end its callback waits.
 */
public final class OrderWorkflow {
    private static final Pattern UNSAFE = Pattern.compile("[^A-Za-z0-9_-]");
    private static final int MAX_NAME = 80;

    private final SfnClient sfn;
    private final String stateMachineArn;

    public OrderWorkflow(SfnClient sfn, String stateMachineArn) {
        this.sfn = sfn;
        this.stateMachineArn = stateMachineArn;
    }

    /**
     * Starts the order's execution. Step Functions keeps execution names unique for 90 days: a second start, from a
     * redelivered fetch or an overlapping one, finds the first and changes nothing.
     *
     * @return the execution name
     */
    public String start(ExecutionInput input) {
        return start(input, executionName(input.orderId()));
    }

    /**
     * Starts an execution under {@code name}; a second start under the same name changes nothing.
     *
     * @return the execution name
     */
    public String start(ExecutionInput input, String name) {
        if (stateMachineArn == null) {
            throw new IllegalStateException("STATE_MACHINE_ARN is not set for this function");
        }
        try {
            sfn.startExecution(s -> s.stateMachineArn(stateMachineArn).name(name).input(Json.write(input)));
        } catch (ExecutionAlreadyExistsException alreadyStarted) {
            // Started before: the same order, the same execution.
        }
        return name;
    }

    /**
     * Ends a wait successfully.
     *
     * @return false when the token is no longer waiting (resumed already, timed out, or its execution ended)
     */
    public boolean resume(String taskToken, Object output) {
        try {
            sfn.sendTaskSuccess(s -> s.taskToken(taskToken).output(Json.write(output)));
            return true;
        } catch (TaskTimedOutException | TaskDoesNotExistException | InvalidTokenException notWaiting) {
            return false;
        }
    }

    /**
     * Ends a wait with an error the state machine catches by name.
     *
     * @return false when the token is no longer waiting
     */
    public boolean fail(String taskToken, String error, String cause) {
        try {
            sfn.sendTaskFailure(s -> s.taskToken(taskToken).error(error).cause(cause));
            return true;
        } catch (TaskTimedOutException | TaskDoesNotExistException | InvalidTokenException notWaiting) {
            return false;
        }
    }

    /**
     * How many executions are in {@code status} and, when {@code since} is given, ended since then; counted up to
     * {@code cap} (Step Functions lists newest first, so the count stops early on a busy day).
     */
    public int countExecutions(ExecutionStatus status, Instant since, int cap) {
        int count = 0;
        for (ListExecutionsResponse page : sfn.listExecutionsPaginator(l -> l.stateMachineArn(stateMachineArn)
                .statusFilter(status).maxResults(100))) {
            for (ExecutionListItem execution : page.executions()) {
                if (since != null && execution.stopDate() != null && execution.stopDate().isBefore(since)) {
                    return count;
                }
                if (++count >= cap) {
                    return count;
                }
            }
        }
        return count;
    }

    /**
     * The execution name of an order: its id where Step Functions allows it; otherwise the id made safe plus a short
     * digest, so two ids that differ only in unsafe characters never share an execution.
     */
    public static String executionName(String orderId) {
        String safe = UNSAFE.matcher(orderId).replaceAll("_");
        if (safe.equals(orderId) && safe.length() <= MAX_NAME) {
            return safe;
        }
        String digest = digest(orderId);
        int keep = Math.min(safe.length(), MAX_NAME - digest.length() - 1);
        return safe.substring(0, keep) + "-" + digest;
    }

    /**
     * The execution name of an operator retry of an order, by the order's version it resumes from: one per retry,
     * and the same for the same retry asked twice.
     */
    public static String retryExecutionName(String orderId, long version) {
        String suffix = "-retry-" + version;
        String base = executionName(orderId);
        return base.substring(0, Math.min(base.length(), MAX_NAME - suffix.length())) + suffix;
    }

    private static String digest(String value) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash, 0, 6);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
