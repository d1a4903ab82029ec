package io.shipbridge.order;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * An order as the marketplace sent it, normalized: lines, and the shipping address once Mirakl has one (it has none
 * while the order waits for acceptance).
 *
 * @param shippingType     the marketplace shipping type the customer chose (Mirakl {@code shipping_type_code})
 * @param additionalFields order additional fields by code, e.g. a customer's preferred carrier
 */
public record Order(
        String orderId,
        String commercialId,
        Instant createdAt,
        String shippingType,
        String currency,
        BigDecimal totalPrice,
        List<OrderLine> lines,
        ShippingAddress shippingAddress,
        Map<String, String> additionalFields) {

    public Order {
        lines = List.copyOf(lines);
        additionalFields = additionalFields == null ? Map.of() : Map.copyOf(additionalFields);
    }

    public Order withShippingAddress(ShippingAddress address) {
        return new Order(orderId, commercialId, createdAt, shippingType, currency, totalPrice, lines, address,
                additionalFields);
    }
}
