package io.shipbridge.carrier;

import io.shipbridge.order.PostalCodes;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/** Postcode formats of the countries Shipbridge's carriers serve most, as each country's post writes them. */
public final class PostcodeFormats {
    private static final Map<String, Pattern> FORMATS = Map.ofEntries(
            Map.entry("ES", Pattern.compile("\\d{5}")),
            Map.entry("PT", Pattern.compile("\\d{4}-\\d{3}")),
            Map.entry("FR", Pattern.compile("\\d{5}")),
            Map.entry("DE", Pattern.compile("\\d{5}")),
            Map.entry("IT", Pattern.compile("\\d{5}")),
            Map.entry("BE", Pattern.compile("\\d{4}")),
            Map.entry("NL", Pattern.compile("\\d{4} ?[A-Z]{2}")),
            Map.entry("AT", Pattern.compile("\\d{4}")),
            Map.entry("US", Pattern.compile("\\d{5}(-\\d{4})?")));
    /** Any other country: letters, digits, a space or a dash. */
    private static final Pattern OTHER = Pattern.compile("[A-Za-z0-9][A-Za-z0-9 -]*");

    private PostcodeFormats() {
    }

    /** Whether the postcode has its country's form; {@code carrierOwn} (if any) replaces the common format. */
    public static boolean fits(String countryCode, String postcode, Optional<Pattern> carrierOwn) {
        if (postcode == null || postcode.isBlank()) {
            return false;
        }
        if (carrierOwn.isPresent()) {
            return carrierOwn.get().matcher(postcode).matches();
        }
        if ("CA".equals(countryCode)) {
            return PostalCodes.isValid(countryCode, postcode);
        }
        return FORMATS.getOrDefault(countryCode, OTHER).matcher(postcode).matches();
    }
}
