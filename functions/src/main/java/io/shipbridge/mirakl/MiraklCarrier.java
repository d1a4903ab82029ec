package io.shipbridge.mirakl;

import com.fasterxml.jackson.annotation.JsonProperty;

/** A carrier the marketplace has registered (SH21): {@code code} is what OR23 takes as {@code carrier_code}. */
public record MiraklCarrier(
        @JsonProperty("code") String code,
        @JsonProperty("label") String label,
        @JsonProperty("standard_code") String standardCode,
        @JsonProperty("tracking_url") String trackingUrl) {
}
