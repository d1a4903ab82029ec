package io.shipbridge.mirakl;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The OR23 body. A carrier the marketplace knows (SH21) goes by its {@code carrier_code} and Mirakl computes the
 * tracking URL; any other carrier goes by {@code carrier_name} with the full {@code carrier_url}.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record MiraklTracking(
        @JsonProperty("carrier_code") String carrierCode,
        @JsonProperty("carrier_name") String carrierName,
        @JsonProperty("carrier_url") String carrierUrl,
        @JsonProperty("tracking_number") String trackingNumber) {

    public static MiraklTracking registered(String carrierCode, String trackingNumber) {
        return new MiraklTracking(carrierCode, null, null, trackingNumber);
    }

    public static MiraklTracking unregistered(String carrierName, String carrierUrl, String trackingNumber) {
        return new MiraklTracking(null, carrierName, carrierUrl, trackingNumber);
    }
}
