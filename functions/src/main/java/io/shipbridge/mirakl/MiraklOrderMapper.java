package io.shipbridge.mirakl;

import io.shipbridge.order.Order;
import io.shipbridge.order.OrderLine;
import io.shipbridge.order.PostalCodes;
import io.shipbridge.order.ShippingAddress;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Turns an OR11 order into Shipbridge's order, refusing one that cannot be fulfilled as it is. */
public final class MiraklOrderMapper {
    private MiraklOrderMapper() {
    }

    public static Order toOrder(MiraklOrder source) {
        if (source.orderId() == null || source.orderId().isBlank()) {
            throw new MalformedOrderException("Order without order_id");
        }
        String id = source.orderId();
        if (source.lastUpdatedDate() == null) {
            throw new MalformedOrderException("Order " + id + " has no last_updated_date");
        }
        if (source.orderLines() == null || source.orderLines().isEmpty()) {
            throw new MalformedOrderException("Order " + id + " has no order lines");
        }
        List<OrderLine> lines = new ArrayList<>();
        for (MiraklOrder.Line line : source.orderLines()) {
            if (line == null || line.orderLineId() == null || line.orderLineId().isBlank()) {
                throw new MalformedOrderException("Order " + id + " has a line without order_line_id");
            }
            String sku = line.offerSku() != null && !line.offerSku().isBlank() ? line.offerSku() : line.productSku();
            if (sku == null || sku.isBlank()) {
                throw new MalformedOrderException("Order " + id + " line " + line.orderLineId() + " has no SKU");
            }
            if (line.quantity() == null || line.quantity() < 1) {
                throw new MalformedOrderException("Order " + id + " line " + line.orderLineId()
                        + " has quantity " + line.quantity());
            }
            lines.add(new OrderLine(line.orderLineId(), sku, line.productTitle(), line.quantity(), line.priceUnit(),
                    line.orderLineState()));
        }
        Map<String, String> additional = new LinkedHashMap<>();
        if (source.orderAdditionalFields() != null) {
            source.orderAdditionalFields().stream()
                    .filter(f -> f != null && f.code() != null && f.value() != null)
                    .forEach(f -> additional.put(f.code(), f.value()));
        }
        return new Order(id, source.commercialId(), source.createdDate(), source.shippingTypeCode(),
                source.currencyIsoCode(), source.totalPrice(), lines, shippingAddress(source), additional);
    }

    private static ShippingAddress shippingAddress(MiraklOrder source) {
        if (source.customer() == null || source.customer().shippingAddress() == null) {
            return null;
        }
        MiraklOrder.Address a = source.customer().shippingAddress();
        String country = CountryCodes.toAlpha2(a.countryIsoCode())
                .or(() -> CountryCodes.toAlpha2(a.country()))
                .orElse(null);
        String phone = a.phone() != null && !a.phone().isBlank() ? a.phone() : a.phoneSecondary();
        return new ShippingAddress(a.firstname(), a.lastname(), a.company(), a.street1(), a.street2(),
                PostalCodes.normalize(country, a.zipCode()), a.city(), a.state(), country, phone, a.additionalInfo());
    }
}
