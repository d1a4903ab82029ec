package io.shipbridge.local.sim.carrier;

import com.sun.net.httpserver.HttpExchange;
import io.shipbridge.local.sim.CallLog;
import io.shipbridge.local.sim.Faults;
import io.shipbridge.local.sim.HttpService;
import io.shipbridge.local.time.SimulatedTime;
import java.nio.charset.StandardCharsets;
import java.util.function.Supplier;
import java.util.random.RandomGenerator;

/**
 * Answers a simulated carrier's requests under the injected faults, each request a row of its call log: a throttled
 * or failing request gets the carrier's own error page and changes nothing; a late one is carried out and its answer
 * is lost on the way (the client gets a broken answer).
 */
public final class SimulatedEndpoint {
    private final SimulatedTime time;
    private final RandomGenerator random;
    private final Failures failures;
    private final CallLog calls = new CallLog();
    private volatile Faults faults = Faults.NONE;

    /** One answer: status, body and what the request did. */
    public record Reply(int status, String contentType, byte[] body, CallLog.Outcome outcome, String note) {

        public static Reply of(int status, String contentType, String body, CallLog.Outcome outcome) {
            return new Reply(status, contentType, body.getBytes(StandardCharsets.UTF_8), outcome, null);
        }

        Reply noted(String text) {
            return new Reply(status, contentType, body, outcome, text);
        }
    }

    /** How the carrier answers when it throttles or fails, in its own wire format. */
    public interface Failures {
        Reply throttled();

        Reply serverError();

        static Failures of(Reply throttled, Reply serverError) {
            return new Failures() {
                @Override
                public Reply throttled() {
                    return throttled;
                }

                @Override
                public Reply serverError() {
                    return serverError;
                }
            };
        }
    }

    public SimulatedEndpoint(SimulatedTime time, RandomGenerator random, Failures failures) {
        this.time = time;
        this.random = random;
        this.failures = failures;
    }

    public CallLog calls() {
        return calls;
    }

    public void faults(Faults injected) {
        this.faults = injected;
    }

    /** What a scripted trouble does to one request: nothing, a server error page, or an answer lost after the work. */
    public enum Scripted {
        NONE, DOWN, ANSWER_LOST
    }

    public void answer(HttpExchange exchange, String operation, String key, boolean down, Supplier<Reply> work) {
        answer(exchange, operation, key, down ? Scripted.DOWN : Scripted.NONE, work);
    }

    /**
     * Answers one request.
     *
     * @param operation what the request is (for the call log), e.g. {@code GrabaEnvio24}
     * @param key       the order or shipment it is about
     * @param scripted  what a trouble scripted for it does
     */
    public void answer(HttpExchange exchange, String operation, String key, Scripted scripted, Supplier<Reply> work) {
        boolean down = scripted == Scripted.DOWN;
        Faults.Kind fault = faults.draw(random);
        Reply reply;
        boolean late = false;
        if (fault == Faults.Kind.THROTTLE) {
            reply = failures.throttled().noted("throttled");
        } else if (fault == Faults.Kind.SERVER_ERROR) {
            reply = failures.serverError().noted("server error page");
        } else if (down) {
            reply = failures.serverError().noted("server error page (scripted: down for this shipment)");
        } else {
            reply = work.get();
            if (fault == Faults.Kind.LATE || scripted == Scripted.ANSWER_LOST) {
                late = true;
                reply = new Reply(reply.status(), reply.contentType(), reply.body(), reply.outcome()
                        == CallLog.Outcome.APPLIED ? CallLog.Outcome.APPLIED : CallLog.Outcome.FAULT,
                        "answer lost on the way");
            }
        }
        calls.add(new CallLog.Call(time.instant(), operation, key, reply.status(), reply.outcome(), reply.note()));
        if (late) {
            HttpService.loseAnswer(exchange, reply.status(), reply.contentType(), reply.body());
        } else {
            HttpService.respond(exchange, reply.status(), reply.contentType(), reply.body());
        }
    }
}
