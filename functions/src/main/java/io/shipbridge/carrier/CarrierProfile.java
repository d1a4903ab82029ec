package io.shipbridge.carrier;

/**
 * What the world may know of a carrier: its id, the name Mirakl shows when the marketplace does not know it
 * (OR23 {@code carrier_name}), and its public tracking page (OR23 {@code carrier_url}). No credentials: functions
 * that only talk about a carrier (PushTracking) need only this.
 *
 * @param trackingUrlFormat the public tracking page, {@code {tracking}} standing for the tracking number
 */
public record CarrierProfile(String id, String displayName, String trackingUrlFormat) {

    public String trackingUrl(String trackingNumber) {
        return trackingUrlFormat.replace("{tracking}", trackingNumber);
    }
}
