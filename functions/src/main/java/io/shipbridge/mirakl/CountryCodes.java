package io.shipbridge.mirakl;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * ISO 3166-1 country codes as marketplaces send them: Mirakl documents "ISO 3166-1", and instances are seen sending
 * alpha-3 ("ESP", "USA") as well as alpha-2. Everything inside Shipbridge is alpha-2.
 */
public final class CountryCodes {
    private static final Set<String> ALPHA_2 = Locale.getISOCountries(Locale.IsoCountryCode.PART1_ALPHA2);
    private static final Map<String, String> ALPHA_3_TO_2 = new HashMap<>();

    static {
        for (String alpha2 : ALPHA_2) {
            ALPHA_3_TO_2.put(Locale.of("", alpha2).getISO3Country(), alpha2);
        }
    }

    private CountryCodes() {
    }

    public static Optional<String> toAlpha2(String code) {
        if (code == null) {
            return Optional.empty();
        }
        String upper = code.trim().toUpperCase(Locale.ROOT);
        if (upper.length() == 2 && ALPHA_2.contains(upper)) {
            return Optional.of(upper);
        }
        if (upper.length() == 3) {
            return Optional.ofNullable(ALPHA_3_TO_2.get(upper));
        }
        return Optional.empty();
    }
}
