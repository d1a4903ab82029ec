package io.shipbridge.order;

/**
 * Where the parcel goes. {@code countryCode} is always ISO 3166-1 alpha-2, whatever the marketplace sent.
 * {@link #toString()} masks everything personal, so an address that ends up in a log line gives nothing away.
 */
public record ShippingAddress(
        String firstName,
        String lastName,
        String company,
        String street1,
        String street2,
        String postcode,
        String city,
        String region,
        String countryCode,
        String phone,
        String additionalInfo) {

    public String fullName() {
        return join(firstName, lastName);
    }

    public String street() {
        return join(street1, street2);
    }

    private static String join(String a, String b) {
        String first = a == null ? "" : a.trim();
        String second = b == null ? "" : b.trim();
        return (first + " " + second).trim();
    }

    @Override
    public String toString() {
        return "ShippingAddress[" + mask(fullName()) + ", " + mask(street()) + ", " + postcodeArea() + " "
                + mask(city) + ", " + countryCode + ", phone " + mask(phone) + "]";
    }

    private String postcodeArea() {
        if (postcode == null || postcode.length() < 2) {
            return "**";
        }
        return postcode.substring(0, 2) + "*".repeat(postcode.length() - 2);
    }

    static String mask(String value) {
        if (value == null || value.isBlank()) {
            return "";
        }
        return value.charAt(0) + "***";
    }
}
