package io.shipbridge.local.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** The demo's hang guard grows with the orders asked for, so that the README's big runs need no --timeout. */
class DemoTimeoutTest {

    private static Duration wallLimit(String... args) {
        ShipbridgeLocal.DemoCommand demo = new ShipbridgeLocal.DemoCommand();
        new CommandLine(demo).parseArgs(args);
        return demo.wallLimit();
    }

    @Test
    void atLeastFiveMinutes() {
        assertEquals(Duration.ofSeconds(300), wallLimit());
        assertEquals(Duration.ofSeconds(300), wallLimit("--orders", "20"));
    }

    @Test
    void aSecondPerOrderBeyondThat() {
        assertEquals(Duration.ofSeconds(1000), wallLimit("--orders", "1000", "--faults", "0.2"));
    }

    @Test
    void anExplicitTimeoutWins() {
        assertEquals(Duration.ofSeconds(60), wallLimit("--orders", "1000", "--timeout", "60"));
    }
}
