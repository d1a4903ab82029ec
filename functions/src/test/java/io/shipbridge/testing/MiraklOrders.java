package io.shipbridge.testing;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.shipbridge.config.Json;
import java.time.Instant;

/** Orders as Mirakl's OR11 returns them, for stubbing. */
public final class MiraklOrders {
    private MiraklOrders() {
    }

    /** A new order waiting for acceptance: no shipping address yet, as Mirakl sends it. */
    public static ObjectNode waitingAcceptance(String orderId, Instant lastUpdated, String sku, int quantity) {
        ObjectNode order = Json.MAPPER.createObjectNode();
        order.put("order_id", orderId);
        order.put("commercial_id", orderId.replaceAll("-[A-Z]$", ""));
        order.put("order_state", "WAITING_ACCEPTANCE");
        order.put("created_date", lastUpdated.minusSeconds(60).toString());
        order.put("last_updated_date", lastUpdated.toString());
        order.put("acceptance_decision_date", lastUpdated.plusSeconds(86400).toString());
        order.put("shipping_type_code", "STD");
        order.put("currency_iso_code", "EUR");
        order.put("total_price", 59.90);
        order.put("can_cancel", false);
        ArrayNode lines = order.putArray("order_lines");
        ObjectNode line = lines.addObject();
        line.put("order_line_id", orderId + "-1");
        line.put("order_line_index", 1);
        line.put("order_line_state", "WAITING_ACCEPTANCE");
        line.put("offer_sku", sku);
        line.put("product_sku", "P-" + sku);
        line.put("product_title", "Product " + sku);
        line.put("quantity", quantity);
        line.put("price_unit", 29.95);
        ObjectNode customer = order.putObject("customer");
        customer.put("customer_id", "C-" + orderId);
        customer.put("firstname", "Lucía");
        customer.put("lastname", "García");
        return order;
    }

    /** The same order after acceptance and debit: SHIPPING, with its shipping address. */
    public static ObjectNode shipping(ObjectNode waiting, Instant lastUpdated, String countryIsoCode, String zip) {
        ObjectNode order = waiting.deepCopy();
        order.put("order_state", "SHIPPING");
        order.put("last_updated_date", lastUpdated.toString());
        order.put("customer_debited_date", lastUpdated.toString());
        ((ObjectNode) order.withArray("order_lines").get(0)).put("order_line_state", "SHIPPING");
        ObjectNode address = order.with("customer").putObject("shipping_address");
        address.put("firstname", "Lucía");
        address.put("lastname", "García");
        address.put("street_1", "Calle de Alcalá 42");
        address.put("street_2", "3º B");
        address.put("zip_code", zip);
        address.put("city", "Madrid");
        address.put("country", "Spain");
        address.put("country_iso_code", countryIsoCode);
        address.put("phone", "+34 600 000 000");
        return order;
    }

    public static ObjectNode inState(ObjectNode order, String state, Instant lastUpdated) {
        ObjectNode copy = order.deepCopy();
        copy.put("order_state", state);
        copy.put("last_updated_date", lastUpdated.toString());
        return copy;
    }
}
