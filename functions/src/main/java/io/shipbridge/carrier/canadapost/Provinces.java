package io.shipbridge.carrier.canadapost;

import java.text.Normalizer;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Canada's provinces and territories by the two-letter code Canada Post takes, from the code itself or from the
 * name in English or French as a marketplace may send it in the address's {@code state}.
 */
final class Provinces {
    private static final Map<String, String> BY_NAME = new HashMap<>();

    static {
        add("AB", "Alberta");
        add("BC", "British Columbia", "Colombie-Britannique");
        add("MB", "Manitoba");
        add("NB", "New Brunswick", "Nouveau-Brunswick");
        add("NL", "Newfoundland and Labrador", "Terre-Neuve-et-Labrador", "Newfoundland");
        add("NS", "Nova Scotia", "Nouvelle-Écosse");
        add("NT", "Northwest Territories", "Territoires du Nord-Ouest");
        add("NU", "Nunavut");
        add("ON", "Ontario");
        add("PE", "Prince Edward Island", "Île-du-Prince-Édouard");
        add("QC", "Quebec", "Québec", "PQ");
        add("SK", "Saskatchewan");
        add("YT", "Yukon", "Yukon Territory");
    }

    private Provinces() {
    }

    private static void add(String code, String... names) {
        BY_NAME.put(key(code), code);
        for (String name : names) {
            BY_NAME.put(key(name), code);
        }
    }

    /** The two-letter code of a province written as a code or a name (any case, accents or not). */
    static Optional<String> code(String province) {
        return province == null ? Optional.empty() : Optional.ofNullable(BY_NAME.get(key(province)));
    }

    private static String key(String text) {
        return Normalizer.normalize(text, Normalizer.Form.NFD).replaceAll("\\p{M}", "")
                .toLowerCase(Locale.ROOT).replaceAll("[^a-z]", "");
    }
}
