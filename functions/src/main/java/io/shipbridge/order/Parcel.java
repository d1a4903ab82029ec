package io.shipbridge.order;

import java.math.BigDecimal;

/** One physical package of an order, as handed to the carrier. */
public record Parcel(int number, BigDecimal weightKg) {
}
