package io.shipbridge.carrier;

/** A postal address as carriers need it. {@code countryCode} is ISO 3166-1 alpha-2. */
public record Address(String name, String contact, String street, String postcode, String city, String countryCode,
        String phone, String email) {

    @Override
    public String toString() {
        return "Address[" + countryCode + " " + (postcode == null || postcode.length() < 2 ? "" : postcode.substring(0, 2))
                + "***]";
    }
}
