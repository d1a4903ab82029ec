package io.shipbridge.carrier;

import java.util.Map;
import java.util.regex.Pattern;

/**
 * What a carrier takes in a destination address: lengths it cannot exceed (its API refuses the shipment, or its
 * mapping would have to cut the text and the parcel would travel with half a street), and postcode formats per
 * country beyond {@link PostcodeFormats}' common ones. Each carrier's package declares its own.
 *
 * @param postcodeMax the longest postcode it takes, whatever the country
 * @param postcodes   postcode formats the carrier insists on for some countries, replacing the common one
 */
public record FieldLimits(int nameMax, int streetMax, int cityMax, int postcodeMax, Map<String, Pattern> postcodes) {

    /** No carrier-specific limits: only what any carrier needs (a street, a city, a postcode of the country's form). */
    public static final FieldLimits ANY = new FieldLimits(100, 200, 100, 12, Map.of());

    public FieldLimits {
        postcodes = Map.copyOf(postcodes);
    }
}
