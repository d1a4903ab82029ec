package io.shipbridge.carrier;

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

    @Override
    public String toString() {
        return "Address[" + countryCode + " " + (postcode == null || postcode.length() < 2 ? "" : postcode.substring(0, 2))
                + "***]";
    }
}
