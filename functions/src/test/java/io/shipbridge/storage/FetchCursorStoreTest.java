package io.shipbridge.storage;

import static org.assertj.core.api.Assertions.assertThat;

import io.shipbridge.testing.TestStack;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class FetchCursorStoreTest {
    @RegisterExtension
    static final TestStack STACK = new TestStack();

    @Test
    void aFirstRunThatFailedLeavesItsOutcomeButNoPositionAndTheCursorOnlyMovesForward() {
        FetchCursorStore cursor = new FetchCursorStore(STACK.aws().dynamoDb(), STACK.settings().get("TABLE_NAME"));
        String name = "test-" + TestStack.newOrderId();

        cursor.recordRun(name, new FetchCursorStore.LastRun(TestStack.START, "schedule", false, "Mirakl 503"));

        assertThat(cursor.get(name)).as("no run got through yet").isEmpty();
        assertThat(cursor.lastRun(name)).hasValueSatisfying(run -> assertThat(run.ok()).isFalse());

        cursor.advance(name, TestStack.START);
        cursor.advance(name, TestStack.START.minusSeconds(60));
        cursor.recordRun(name, new FetchCursorStore.LastRun(TestStack.START, "schedule", true, "ok"));

        assertThat(cursor.get(name)).contains(TestStack.START);
        assertThat(cursor.lastRun(name)).hasValueSatisfying(run -> {
            assertThat(run.ok()).isTrue();
            assertThat(run.at()).isEqualTo(Instant.from(TestStack.START));
        });
    }
}
