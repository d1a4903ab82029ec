package io.shipbridge.mirakl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.shipbridge.config.Json;
import io.shipbridge.order.Order;
import io.shipbridge.testing.MiraklOrders;
import io.shipbridge.testing.TestStack;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MiraklOrderMapperTest {

    @Test
    void mapsAWaitingOrderWithoutAddress() {
        Order order = map(MiraklOrders.waitingAcceptance("1001-A", TestStack.START, "SKU-9", 3));

        assertThat(order.orderId()).isEqualTo("1001-A");
        assertThat(order.shippingAddress()).isNull();
        assertThat(order.lines()).singleElement().satisfies(line -> {
            assertThat(line.sku()).isEqualTo("SKU-9");
            assertThat(line.quantity()).isEqualTo(3);
            assertThat(line.lineId()).isEqualTo("1001-A-1");
        });
    }

    @ParameterizedTest
    @CsvSource({"ES,ES", "ESP,ES", "esp,ES", "CAN,CA", "USA,US", "FR,FR", "XXX,", "Spain,"})
    void normalizesCountryCodesToAlpha2(String given, String expected) {
        ObjectNode order = MiraklOrders.shipping(MiraklOrders.waitingAcceptance("1002-A", TestStack.START, "S", 1),
                TestStack.START, given, "28014");
        ((ObjectNode) order.path("customer").path("shipping_address")).put("country", "");

        assertThat(map(order).shippingAddress().countryCode()).isEqualTo(expected);
    }

    @Test
    void refusesAnOrderWithoutLines() {
        ObjectNode order = MiraklOrders.waitingAcceptance("1003-A", TestStack.START, "S", 1);
        order.putArray("order_lines");

        assertThatThrownBy(() -> map(order)).isInstanceOf(MalformedOrderException.class)
                .hasMessage("no order lines");
    }

    @Test
    void refusesALineWithoutSkuOrQuantity() {
        ObjectNode noSku = MiraklOrders.waitingAcceptance("1004-A", TestStack.START, "S", 1);
        ((ObjectNode) noSku.path("order_lines").get(0)).remove(java.util.List.of("offer_sku", "product_sku"));
        ObjectNode noQuantity = MiraklOrders.waitingAcceptance("1005-A", TestStack.START, "S", 1);
        ((ObjectNode) noQuantity.path("order_lines").get(0)).put("quantity", 0);

        assertThatThrownBy(() -> map(noSku)).isInstanceOf(MalformedOrderException.class).hasMessageContaining("no SKU");
        assertThatThrownBy(() -> map(noQuantity)).isInstanceOf(MalformedOrderException.class)
                .hasMessageContaining("quantity 0 is outside 1..9999");
    }

    @Test
    void givesEveryReasonAtOnceNamingFieldsNeverValues() {
        ObjectNode order = MiraklOrders.waitingAcceptance("1007-A", TestStack.START, "S", 1);
        ObjectNode line = (ObjectNode) order.path("order_lines").get(0);
        line.put("quantity", 100_000);
        line.put("price_unit", -5);
        ((com.fasterxml.jackson.databind.node.ArrayNode) order.path("order_lines")).add(line.deepCopy()
                .put("quantity", 1).put("price_unit", 1));
        order.put("currency_iso_code", "euro\u0000");

        assertThatThrownBy(() -> map(order)).isInstanceOfSatisfying(MalformedOrderException.class, e ->
                assertThat(e.reasons()).containsExactly(
                        "currency_iso_code is not an ISO 4217 code",
                        "order_lines[0].quantity 100000 is outside 1..9999",
                        "order_lines[0].price_unit is negative",
                        "order_lines[1].order_line_id repeats an earlier line's"));
    }

    @Test
    void addressToStringGivesNothingPersonalAway() {
        Order order = map(MiraklOrders.shipping(MiraklOrders.waitingAcceptance("1006-A", TestStack.START, "S", 1),
                TestStack.START, "ES", "28014"));

        assertThat(order.shippingAddress().toString())
                .doesNotContain("García", "Alcalá", "600 000", "28014", "Madrid")
                .contains("ES", "28***");
    }

    private static Order map(ObjectNode json) {
        return MiraklOrderMapper.toOrder(Json.MAPPER.convertValue(json, MiraklOrder.class));
    }
}
