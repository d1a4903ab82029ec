package io.shipbridge.order;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Postal codes written the way their country's post writes them. Canada: {@code A1A 1A1}, upper case with one space,
 * letters D, F, I, O, Q and U never used, W and Z never first (Canada Post's addressing guidelines).
 */
public final class PostalCodes {
    private static final Pattern CANADIAN = Pattern.compile("[ABCEGHJ-NPRSTVXY]\\d[ABCEGHJ-NPRSTV-Z]\\d[ABCEGHJ-NPRSTV-Z]\\d");

    private PostalCodes() {
    }

    /** The code as the post writes it, when it is a valid one of that country; otherwise as it came (trimmed). */
    public static String normalize(String countryCode, String postcode) {
        if (postcode == null) {
            return null;
        }
        if ("CA".equals(countryCode)) {
            String compact = compactCanadian(postcode);
            if (CANADIAN.matcher(compact).matches()) {
                return compact.substring(0, 3) + " " + compact.substring(3);
            }
        }
        return postcode.trim();
    }

    /** Whether it is a valid postal code of the country, for the countries Shipbridge checks (others: any). */
    public static boolean isValid(String countryCode, String postcode) {
        if (!"CA".equals(countryCode)) {
            return postcode != null && !postcode.isBlank();
        }
        return postcode != null && CANADIAN.matcher(compactCanadian(postcode)).matches();
    }

    private static String compactCanadian(String postcode) {
        return postcode.replaceAll("[\\s-]", "").toUpperCase(Locale.ROOT);
    }
}
