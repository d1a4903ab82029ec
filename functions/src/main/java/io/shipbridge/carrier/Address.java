package io.shipbridge.carrier;

import io.shipbridge.config.Config;

/**
 * A postal address as carriers need it. {@code countryCode} is ISO 3166-1 alpha-2; {@code region} the province or
 * state where the country's post needs one (Canada's two-letter provinces), else null.
 */
public record Address(String name, String contact, String street, String postcode, String city, String countryCode,
        String phone, String email, String region) {

    /** An address in a country whose post needs no region. */
    public Address(String name, String contact, String street, String postcode, String city, String countryCode,
            String phone, String email) {
        this(name, contact, street, postcode, city, countryCode, phone, email, null);
    }

    /** The seller's dispatch address, from the {@code SHIP_FROM_*} settings (template parameters {@code ShipFrom*}). */
    public static Address shipFrom(Config config) {
        return new Address(config.required("SHIP_FROM_NAME"), config.required("SHIP_FROM_NAME"),
                config.required("SHIP_FROM_STREET"), config.required("SHIP_FROM_POSTCODE"),
                config.required("SHIP_FROM_CITY"), config.get("SHIP_FROM_COUNTRY", "ES"),
                config.required("SHIP_FROM_PHONE"), null, config.optional("SHIP_FROM_REGION").orElse(null));
    }

    @Override
    public String toString() {
        return "Address[" + countryCode + " " + (postcode == null || postcode.length() < 2 ? "" : postcode.substring(0, 2))
                + "***]";
    }
}
