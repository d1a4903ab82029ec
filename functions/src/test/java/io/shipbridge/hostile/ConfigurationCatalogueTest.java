package io.shipbridge.hostile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.fasterxml.jackson.databind.JsonNode;
import io.shipbridge.app.Components;
import io.shipbridge.order.OrderView;
import io.shipbridge.testing.OrderScenarios;
import io.shipbridge.testing.TestStack;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The catalogue's bad configuration values ({@code hostile/configuration.json}): each setting given to a function's
 * environment (or the seller's carrier rules stored in the table), and the part that reads it built as the function
 * builds it: an error naming the setting and what it must be, and nothing changed.
 */
class ConfigurationCatalogueTest {
    @RegisterExtension
    static final TestStack STACK = new TestStack();

    static Stream<Arguments> cases() {
        return HostileCaseFile.cases("configuration");
    }

    @AfterEach
    void removeStoredRules() {
        STACK.components().settings().remove("CARRIER_RULES");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void answersAsTheCatalogueExpects(JsonNode c) {
        String orderId = null;
        if (c.has("rules")) {
            STACK.components().settings().put("CARRIER_RULES", c.path("rules").asText());
            orderId = OrderScenarios.pendingPost(STACK.components(), "BOOK-SET", 1, "ES", "28014");
        }
        c.path("settings").fields().forEachRemaining(s -> STACK.with(s.getKey(), s.getValue().asText()));
        Components components = STACK.components();
        OrderView order = orderId == null ? null : components.orders().get(orderId);
        StackState before = StackState.of(STACK);
        String forOrder = orderId;

        Throwable error = catchThrowable(() -> build(components, c.path("build").asText(), forOrder));

        assertThat(error).as("building %s", c.path("build").asText())
                .isInstanceOfAny(IllegalStateException.class, IllegalArgumentException.class)
                .hasMessageContaining(c.path("expect").path("error").asText());
        StackState.of(STACK).assertUnchangedSince(before, changed -> false);
        if (order != null) {
            assertThat(components.orders().get(forOrder)).isEqualTo(order);
        }
        assertThat(STACK.mirakl().server().getAllServeEvents()).as("calls to Mirakl").isEmpty();
    }

    /** Builds what reads the setting, as the function that reads it does at start-up (or at its first order). */
    private static void build(Components components, String what, String orderId) {
        switch (what) {
            case "fetchOrders" -> components.fetchOrders();
            case "faultRecovery" -> components.faultRecovery();
            case "trackingPoller" -> components.trackingPoller();
            case "carrierAssignment" -> components.carrierAssignment();
            case "tipsa" -> components.carriers().get("tipsa");
            case "mirakl" -> components.mirakl();
            case "handoverCalendar" -> components.handoverCalendar();
            case "trackingPublication" -> components.trackingPublication();
            case "carrierRules" -> components.carrierAssignment().assign(orderId);
            default -> throw new AssertionError("no part " + what);
        }
    }
}
