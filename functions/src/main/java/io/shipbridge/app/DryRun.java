package io.shipbridge.app;

import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;

/**
 * Lets priming run an AWS call up to the wire and no further: built, marshalled, resolved to its endpoint, signed,
 * traced, then stopped before it is sent. What a first request loads and initializes on that way is then loaded; no
 * call reaches AWS (so none needs a permission or changes anything).
 */
final class DryRun implements ExecutionInterceptor {
    private static final ThreadLocal<Boolean> ACTIVE = ThreadLocal.withInitial(() -> false);

    /** Thrown where the call would be sent. */
    static final class Stopped extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Stopped() {
            super("dry run: stopped before sending", null, false, false);
        }
    }

    @Override
    public void beforeTransmission(Context.BeforeTransmission context, ExecutionAttributes attributes) {
        if (ACTIVE.get()) {
            throw new Stopped();
        }
    }

    /** Runs {@code call}, its AWS calls stopped before sending; false when it failed for another reason. */
    static boolean run(Runnable call) {
        ACTIVE.set(true);
        try {
            call.run();
            return true;
        } catch (RuntimeException e) {
            for (Throwable cause = e; cause != null; cause = cause.getCause()) {
                if (cause instanceof Stopped) {
                    return true;
                }
            }
            return false;
        } finally {
            ACTIVE.remove();
        }
    }
}
