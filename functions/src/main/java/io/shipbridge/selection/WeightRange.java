package io.shipbridge.selection;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.math.BigDecimal;

/** A weight condition in kilograms; each bound is optional: {@code {"atLeast": 1, "atMost": 5}}. */
public record WeightRange(
        @JsonProperty("below") BigDecimal below,
        @JsonProperty("atMost") BigDecimal atMost,
        @JsonProperty("atLeast") BigDecimal atLeast,
        @JsonProperty("above") BigDecimal above) {

    public boolean contains(BigDecimal weight) {
        return (below == null || weight.compareTo(below) < 0)
                && (atMost == null || weight.compareTo(atMost) <= 0)
                && (atLeast == null || weight.compareTo(atLeast) >= 0)
                && (above == null || weight.compareTo(above) > 0);
    }
}
