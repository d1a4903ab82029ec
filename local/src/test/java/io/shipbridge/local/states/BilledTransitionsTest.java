package io.shipbridge.local.states;

import static org.assertj.core.api.Assertions.assertThat;

import io.shipbridge.local.cost.BillableUnit;
import io.shipbridge.local.cost.Usage;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Step Functions bills every state entered and every retry of a state as one transition. */
class BilledTransitionsTest {

    @Test
    void everyStateEnteredAndEveryRetryIsATransitionAndAnExecutionIsOneTrace() {
        try (Machines machines = new Machines()) {
            AtomicInteger calls = new AtomicInteger();
            machines.functions.put("flaky", payload -> {
                if (calls.incrementAndGet() <= 2) {
                    throw new StatesError("Passing", "try again");
                }
                return payload;
            });
            Usage before = machines.usage.snapshot();
            Execution execution = machines.run("""
                    {"StartAt": "Decide", "States": {
                      "Decide": {"Type": "Choice", "Choices": [{"Variable": "$.go", "BooleanEquals": true,
                        "Next": "Call"}], "Default": "Done"},
                      "Call": {"Type": "Task", "Resource": "arn:aws:lambda:eu-west-1:000000000000:function:flaky",
                        "Retry": [{"ErrorEquals": ["Passing"], "IntervalSeconds": 1, "MaxAttempts": 3}],
                        "Next": "Shape"},
                      "Shape": {"Type": "Pass", "Next": "Done"},
                      "Done": {"Type": "Succeed"}}}""", "{\"go\": true}");
            Machines.output(execution);
            Usage used = machines.usage.snapshot().minus(before);

            // Decide, Call, Shape, Done entered: 4; Call retried twice: 2.
            assertThat(used.of(BillableUnit.STATE_TRANSITIONS)).isEqualTo(6.0);
            assertThat(used.of(BillableUnit.XRAY_TRACES)).isEqualTo(1.0);
        }
    }
}
