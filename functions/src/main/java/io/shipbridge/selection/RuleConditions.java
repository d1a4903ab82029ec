package io.shipbridge.selection;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Locale;

/**
 * When a rule applies. Every condition given must hold; a condition left out holds always.
 *
 * @param countries        destination countries (ISO alpha-2)
 * @param international    destination outside the seller's country (true) or inside it (false)
 * @param postcodes        destination postcodes: exact, or a prefix ending in {@code *} ("07*" for the Balearics)
 * @param shippingTypes    Mirakl shipping type codes the customer chose
 * @param preferredCarrier the carrier the customer asked for
 */
public record RuleConditions(
        @JsonProperty("weightKg") WeightRange weightKg,
        @JsonProperty("countries") List<String> countries,
        @JsonProperty("international") Boolean international,
        @JsonProperty("postcodes") List<String> postcodes,
        @JsonProperty("shippingTypes") List<String> shippingTypes,
        @JsonProperty("preferredCarrier") String preferredCarrier) {

    public static final RuleConditions ALWAYS = new RuleConditions(null, null, null, null, null, null);

    /** The first condition that does not hold, or null when all hold. */
    String firstUnmet(ShipmentFacts facts) {
        if (weightKg != null && !weightKg.contains(facts.weightKg())) {
            return "weight " + facts.weightKg().toPlainString() + " kg is outside " + weightKg;
        }
        if (countries != null && countries.stream().noneMatch(c -> c.equalsIgnoreCase(facts.destinationCountry()))) {
            return "destination " + facts.destinationCountry() + " is not in " + countries;
        }
        if (international != null && international != facts.international()) {
            return international ? "destination is domestic" : "destination is international";
        }
        if (postcodes != null && postcodes.stream().noneMatch(p -> postcodeMatches(p, facts.postcode()))) {
            return "postcode is not in " + postcodes;
        }
        if (shippingTypes != null && shippingTypes.stream().noneMatch(t -> t.equalsIgnoreCase(facts.shippingType()))) {
            return "shipping type " + facts.shippingType() + " is not in " + shippingTypes;
        }
        if (preferredCarrier != null && !preferredCarrier.equalsIgnoreCase(facts.preferredCarrier())) {
            return "customer did not ask for " + preferredCarrier;
        }
        return null;
    }

    private static boolean postcodeMatches(String pattern, String postcode) {
        if (postcode == null) {
            return false;
        }
        String normalized = postcode.replace(" ", "").toUpperCase(Locale.ROOT);
        String wanted = pattern.replace(" ", "").toUpperCase(Locale.ROOT);
        return wanted.endsWith("*") ? normalized.startsWith(wanted.substring(0, wanted.length() - 1))
                : normalized.equals(wanted);
    }
}
