package io.shipbridge.selection;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectReader;
import io.shipbridge.config.Json;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Ordered carrier rules, evaluated top to bottom: the first rule whose conditions hold and whose carrier is available
 * wins. Stored as JSON (the seller edits data, not code); read strictly, so a misspelt condition is an error rather
 * than a rule that silently matches everything.
 *
 * @param preferredCarrierField the order additional field that carries the customer's carrier choice, if any
 */
public record CarrierRuleSet(
        @JsonProperty("preferredCarrierField") String preferredCarrierField,
        @JsonProperty(value = "rules", required = true) List<CarrierRule> rules) {

    public static final String DEFAULT_RESOURCE = "/carrier-rules.json";
    private static final ObjectReader STRICT = Json.MAPPER.readerFor(CarrierRuleSet.class)
            .with(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    public CarrierRuleSet {
        rules = List.copyOf(rules);
        Set<String> names = new HashSet<>();
        for (CarrierRule rule : rules) {
            if (rule.name() == null || rule.carrier() == null) {
                throw new IllegalArgumentException("Every carrier rule needs a name and a carrier");
            }
            if (!names.add(rule.name())) {
                throw new IllegalArgumentException("Two carrier rules are named " + rule.name());
            }
        }
    }

    public static CarrierRuleSet parse(String json) {
        try {
            return STRICT.readValue(json);
        } catch (IOException e) {
            throw new IllegalArgumentException("Invalid carrier rule set: " + e.getMessage(), e);
        }
    }

    /** The rule set Shipbridge ships with: the seed's defaults. */
    public static CarrierRuleSet defaults() {
        try (InputStream in = CarrierRuleSet.class.getResourceAsStream(DEFAULT_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(DEFAULT_RESOURCE + " is missing from the jar");
            }
            return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * @param whyUnavailable for a carrier id, empty when the carrier can be used, else why not
     * @throws NoCarrierAvailableException when no rule places the order with an available carrier
     */
    public CarrierSelection select(String orderId, ShipmentFacts facts,
            Function<String, Optional<String>> whyUnavailable) {
        List<String> trace = new ArrayList<>();
        for (CarrierRule rule : rules) {
            String unmet = rule.when().firstUnmet(facts);
            Optional<String> unavailable = unmet == null ? whyUnavailable.apply(rule.carrier()) : Optional.empty();
            if (unmet != null) {
                trace.add(rule.name() + ": " + unmet);
            } else if (unavailable.isPresent()) {
                trace.add(rule.name() + ": matched, but carrier " + rule.carrier() + " is not available: "
                        + unavailable.get());
            } else {
                trace.add(rule.name() + ": matched");
                return new CarrierSelection(rule.carrier(), rule.name(), trace);
            }
        }
        throw new NoCarrierAvailableException(orderId, "no rule matched with an available carrier", trace);
    }
}
