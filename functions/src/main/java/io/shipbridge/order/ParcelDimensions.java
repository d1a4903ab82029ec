package io.shipbridge.order;

import java.math.BigDecimal;

/** A parcel's outside measures in centimetres, for carriers that take them. */
public record ParcelDimensions(BigDecimal lengthCm, BigDecimal widthCm, BigDecimal heightCm) {
}
