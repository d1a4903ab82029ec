package io.shipbridge.mirakl;

import io.shipbridge.order.Order;
import io.shipbridge.order.OrderLine;
import io.shipbridge.order.PostalCodes;
import io.shipbridge.order.ShippingAddress;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Turns an OR11 order into Shipbridge's order, refusing one that cannot be fulfilled as it is with every reason found
 * at once. Reasons name the field and the limit, never the value (it may be a customer's data, or hostile).
 * The shipping address is taken as it is: what a carrier cannot print is found before the carrier is called.
 */
public final class MiraklOrderMapper {
    /** More than any seller ships in one parcel; beyond it a quantity is a typo or an attack. */
    public static final int MAX_QUANTITY = 9_999;
    /** Keeps the stored order far under DynamoDB's 400 KB item. */
    public static final int MAX_LINES = 200;
    static final int MAX_CODE = 100;
    static final int MAX_TEXT = 255;
    /** Titles are only shown (labels, manifests): a longer one is shortened rather than the order refused. */
    static final int MAX_TITLE = 200;

    private MiraklOrderMapper() {
    }

    public static Order toOrder(MiraklOrder source) {
        List<String> reasons = new ArrayList<>();
        OrderIds.problem(source.orderId()).ifPresent(reasons::add);
        String id = source.orderId();
        if (source.lastUpdatedDate() == null) {
            reasons.add("no last_updated_date");
        }
        code(reasons, "commercial_id", source.commercialId());
        code(reasons, "shipping_type_code", source.shippingTypeCode());
        if (source.currencyIsoCode() != null && !source.currencyIsoCode().matches("[A-Z]{3}")) {
            reasons.add("currency_iso_code is not an ISO 4217 code");
        }
        if (source.totalPrice() != null && source.totalPrice().signum() < 0) {
            reasons.add("total_price is negative");
        }
        List<OrderLine> lines = lines(source.orderLines(), reasons);
        Map<String, String> additional = new LinkedHashMap<>();
        if (source.orderAdditionalFields() != null) {
            for (MiraklOrder.AdditionalField f : source.orderAdditionalFields()) {
                if (f == null || f.code() == null || f.value() == null) {
                    continue;
                }
                if (f.code().length() > MAX_CODE || f.value().length() > MAX_TEXT
                        || OrderIds.hasControlCharacters(f.code())) {
                    reasons.add("order_additional_fields: a field longer than its limit or with control characters");
                    continue;
                }
                additional.put(f.code(), f.value());
            }
        }
        ShippingAddress address = shippingAddress(source, reasons);
        if (!reasons.isEmpty()) {
            throw new MalformedOrderException(reasons);
        }
        return new Order(id, source.commercialId(), source.createdDate(), source.shippingTypeCode(),
                source.currencyIsoCode(), source.totalPrice(), lines, address, additional);
    }

    private static List<OrderLine> lines(List<MiraklOrder.Line> source, List<String> reasons) {
        List<OrderLine> lines = new ArrayList<>();
        if (source == null || source.isEmpty()) {
            reasons.add("no order lines");
            return lines;
        }
        if (source.size() > MAX_LINES) {
            reasons.add(source.size() + " order lines, more than " + MAX_LINES);
            return lines;
        }
        Set<String> lineIds = new HashSet<>();
        for (int i = 0; i < source.size(); i++) {
            MiraklOrder.Line line = source.get(i);
            String at = "order_lines[" + i + "]";
            if (line == null) {
                reasons.add(at + " is empty");
                continue;
            }
            if (line.orderLineId() == null || line.orderLineId().isBlank()) {
                reasons.add(at + " has no order_line_id");
            } else if (line.orderLineId().length() > MAX_CODE || OrderIds.hasControlCharacters(line.orderLineId())) {
                reasons.add(at + ".order_line_id is longer than " + MAX_CODE
                        + " characters or has control characters");
            } else if (!lineIds.add(line.orderLineId())) {
                reasons.add(at + ".order_line_id repeats an earlier line's");
            }
            String sku = line.offerSku() != null && !line.offerSku().isBlank() ? line.offerSku() : line.productSku();
            if (sku == null || sku.isBlank()) {
                reasons.add(at + " has no SKU (offer_sku or product_sku)");
            } else {
                code(reasons, at + ".offer_sku", sku);
            }
            if (line.quantity() == null) {
                reasons.add(at + " has no quantity");
            } else if (line.quantity() < 1 || line.quantity() > MAX_QUANTITY) {
                reasons.add(at + ".quantity " + line.quantity() + " is outside 1.." + MAX_QUANTITY);
            }
            if (line.priceUnit() != null && line.priceUnit().signum() < 0) {
                reasons.add(at + ".price_unit is negative");
            }
            if (reasons.isEmpty()) {
                lines.add(new OrderLine(line.orderLineId(), sku, title(line.productTitle()), line.quantity(),
                        line.priceUnit(), line.orderLineState()));
            }
        }
        return lines;
    }

    private static void code(List<String> reasons, String field, String value) {
        if (value != null && (value.length() > MAX_CODE || OrderIds.hasControlCharacters(value))) {
            reasons.add(field + " is longer than " + MAX_CODE + " characters or has control characters");
        }
    }

    private static String title(String title) {
        if (title == null) {
            return null;
        }
        String printable = title.codePoints().filter(c -> !Character.isISOControl(c))
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
        return printable.length() <= MAX_TITLE ? printable
                : printable.substring(0, Character.isHighSurrogate(printable.charAt(MAX_TITLE - 1))
                        ? MAX_TITLE - 1 : MAX_TITLE);
    }

    private static ShippingAddress shippingAddress(MiraklOrder source, List<String> reasons) {
        if (source.customer() == null || source.customer().shippingAddress() == null) {
            return null;
        }
        MiraklOrder.Address a = source.customer().shippingAddress();
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("firstname", a.firstname());
        fields.put("lastname", a.lastname());
        fields.put("company", a.company());
        fields.put("street_1", a.street1());
        fields.put("street_2", a.street2());
        fields.put("zip_code", a.zipCode());
        fields.put("city", a.city());
        fields.put("state", a.state());
        fields.put("country", a.country());
        fields.put("country_iso_code", a.countryIsoCode());
        fields.put("phone", a.phone());
        fields.put("phone_secondary", a.phoneSecondary());
        fields.put("additional_info", a.additionalInfo());
        fields.forEach((name, value) -> {
            if (value != null && value.length() > MAX_TEXT) {
                reasons.add("shipping_address." + name + " is longer than " + MAX_TEXT + " characters");
            }
        });
        String country = CountryCodes.toAlpha2(a.countryIsoCode())
                .or(() -> CountryCodes.toAlpha2(a.country()))
                .orElse(null);
        String phone = a.phone() != null && !a.phone().isBlank() ? a.phone() : a.phoneSecondary();
        return new ShippingAddress(a.firstname(), a.lastname(), a.company(), a.street1(), a.street2(),
                PostalCodes.normalize(country, a.zipCode()), a.city(), a.state(), country, phone, a.additionalInfo());
    }
}
