package io.shipbridge.selection;

import com.fasterxml.jackson.annotation.JsonProperty;

/** One rule: when its conditions hold and its carrier is available, the order ships with that carrier. */
public record CarrierRule(
        @JsonProperty(value = "name", required = true) String name,
        @JsonProperty("when") RuleConditions when,
        @JsonProperty(value = "carrier", required = true) String carrier) {

    public CarrierRule {
        when = when == null ? RuleConditions.ALWAYS : when;
    }
}
