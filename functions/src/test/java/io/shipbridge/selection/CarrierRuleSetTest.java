package io.shipbridge.selection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.shipbridge.catalog.CatalogItem;
import io.shipbridge.order.Order;
import io.shipbridge.order.OrderLine;
import io.shipbridge.order.ParcelDimensions;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CarrierRuleSetTest {
    private static final Function<String, Optional<String>> EVERY_CARRIER = carrier -> Optional.empty();
    private static final CarrierRuleSet DEFAULTS = CarrierRuleSet.defaults();

    @ParameterizedTest(name = "{0} kg to {1} ships with {3}")
    @CsvSource({
        "0.2, ES, 28014, ontime, under-1kg-ontime",
        "0.999, ES, 28014, ontime, under-1kg-ontime",
        "1, ES, 28014, tipsa, 1-to-5kg-tipsa",
        "3.2, ES, 08001, tipsa, 1-to-5kg-tipsa",
        "5, ES, 28014, tipsa, 1-to-5kg-tipsa",
        "5.001, ES, 28014, seur, over-5kg-seur",
        "40, ES, 28014, seur, over-5kg-seur",
        "3, FR, 75001, correosexpress, international-correos-express",
        "0.5, PT, 1000-001, correosexpress, international-correos-express",
        "3, CA, K1A 0B1, canadapost, canada-post-for-canada"})
    void theShippedDefaultsAreTheSeedsRules(String kg, String country, String postcode, String carrier, String rule) {
        CarrierSelection selection = DEFAULTS.select("O-1", facts(kg, country, postcode, "STD", null), EVERY_CARRIER);

        assertThat(selection.carrier()).isEqualTo(carrier);
        assertThat(selection.rule()).isEqualTo(rule);
    }

    @Test
    void passesOverARuleWhoseCarrierIsNotAvailable() {
        CarrierRuleSet rules = CarrierRuleSet.parse("""
                {"rules": [
                  {"name": "express-seur", "when": {"shippingTypes": ["EXPRESS"]}, "carrier": "seur"},
                  {"name": "everything-else", "carrier": "tipsa"}]}""");

        CarrierSelection selection = rules.select("O-2", facts("2", "ES", "28014", "EXPRESS", null), only("tipsa"));

        assertThat(selection.carrier()).isEqualTo("tipsa");
        assertThat(selection.trace()).containsExactly(
                "express-seur: matched, but carrier seur is not available: not configured", "everything-else: matched");
    }

    @Test
    void matchesPostcodePrefixesShippingTypesAndTheCustomersPreference() {
        CarrierRuleSet rules = CarrierRuleSet.parse("""
                {"preferredCarrierField": "preferred-carrier",
                 "rules": [
                  {"name": "customer-wants-seur", "when": {"preferredCarrier": "seur"}, "carrier": "seur"},
                  {"name": "islands", "when": {"postcodes": ["07*", "35*", "38*"]}, "carrier": "correosexpress"},
                  {"name": "express", "when": {"shippingTypes": ["EXPRESS"], "weightKg": {"atMost": 10}},
                   "carrier": "ontime"},
                  {"name": "domestic", "when": {"international": false}, "carrier": "tipsa"}]}""");

        assertThat(rules.select("a", facts("2", "ES", "07001", "STD", null), EVERY_CARRIER).rule()).isEqualTo("islands");
        assertThat(rules.select("b", facts("2", "ES", "28014", "EXPRESS", null), EVERY_CARRIER).rule())
                .isEqualTo("express");
        assertThat(rules.select("c", facts("12", "ES", "28014", "EXPRESS", null), EVERY_CARRIER).rule())
                .isEqualTo("domestic");
        assertThat(rules.select("d", facts("2", "ES", "07001", "STD", "seur"), EVERY_CARRIER).rule())
                .isEqualTo("customer-wants-seur");
    }

    @Test
    void anInternationalParcelNeverFallsThroughToADomesticCarrier() {
        assertThatThrownBy(() -> DEFAULTS.select("O-4", facts("3", "FR", "75011", "STD", null), only("tipsa")))
                .isInstanceOf(NoCarrierAvailableException.class)
                .hasMessageContaining("international-correos-express: matched, but carrier correosexpress is not")
                .hasMessageContaining("1-to-5kg-tipsa: destination is international");
    }

    @Test
    void anOrderNoRulePlacesFailsWithEveryRulesReason() {
        assertThatThrownBy(() -> DEFAULTS.select("O-3", facts("0.4", "ES", "28014", "STD", null), only("tipsa")))
                .isInstanceOf(NoCarrierAvailableException.class)
                .hasMessageContaining("No carrier for order O-3")
                .hasMessageContaining("under-1kg-ontime: matched, but carrier ontime is not available")
                .hasMessageContaining("1-to-5kg-tipsa: weight 0.4 kg is outside")
                .hasMessageContaining("international-correos-express: destination is domestic");
    }

    @Test
    void aMisspeltConditionIsRefusedNotSilentlyIgnored() {
        assertThatThrownBy(() -> CarrierRuleSet.parse("""
                {"rules": [{"name": "x", "when": {"weightKG": {"below": 1}}, "carrier": "ontime"}]}"""))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("weightKG");
        assertThatThrownBy(() -> CarrierRuleSet.parse("""
                {"rules": [{"name": "x", "carrier": "a"}, {"name": "x", "carrier": "b"}]}"""))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Two carrier rules are named x");
    }

    @Test
    void weighsFromTheCatalogAndFlagsUnknownSkusAtTheDefaultWeight() {
        Map<String, CatalogItem> catalog = Map.of("KETTLE", new CatalogItem("KETTLE", new BigDecimal("1.25")));
        OrderWeigher weigher = new OrderWeigher(skus -> catalog, new BigDecimal("0.8"));
        Order order = new Order("O-4", "O-4", null, "STD", "EUR", BigDecimal.TEN, List.of(
                new OrderLine("1", "KETTLE", "Kettle", 2, BigDecimal.ONE, "SHIPPING"),
                new OrderLine("2", "MYSTERY", "?", 3, BigDecimal.ONE, "SHIPPING"),
                new OrderLine("3", "KETTLE", "Kettle", 5, BigDecimal.ONE, "REFUSED")), null, Map.of());

        OrderWeight weight = weigher.weigh(order);

        assertThat(weight.kilograms()).isEqualByComparingTo("4.90");
        assertThat(weight.unknownSkus()).containsExactly("MYSTERY");
    }

    @Test
    void estimatesTheParcelAsTheUnitsStackedWhenEveryUnitHasItsBox() {
        Map<String, CatalogItem> catalog = Map.of(
                "KETTLE", new CatalogItem("KETTLE", new BigDecimal("1.25"), box("30", "20", "25")),
                "MUG", new CatalogItem("MUG", new BigDecimal("0.4"), box("12", "12", "10")),
                "SPOON", new CatalogItem("SPOON", new BigDecimal("0.05")));
        OrderWeigher weigher = new OrderWeigher(skus -> catalog, new BigDecimal("0.8"));

        OrderWeight boxed = weigher.weigh(order(line("KETTLE", 1), line("MUG", 2)));
        OrderWeight unboxed = weigher.weigh(order(line("KETTLE", 1), line("SPOON", 1)));

        assertThat(boxed.dimensionsCm()).isEqualTo(box("30", "20", "45"));
        assertThat(weigher.weigh(order(line("MUG", 1))).dimensionsCm()).isEqualTo(box("12", "12", "10"));
        assertThat(unboxed.dimensionsCm()).isNull();
        assertThat(unboxed.kilograms()).isEqualByComparingTo("1.30");
    }

    private static ParcelDimensions box(String length, String width, String height) {
        return new ParcelDimensions(new BigDecimal(length), new BigDecimal(width), new BigDecimal(height));
    }

    private static OrderLine line(String sku, int quantity) {
        return new OrderLine(sku + quantity, sku, sku, quantity, BigDecimal.ONE, "SHIPPING");
    }

    private static Order order(OrderLine... lines) {
        return new Order("O-5", "O-5", null, "STD", "EUR", BigDecimal.TEN, List.of(lines), null, Map.of());
    }

    /** Only these carriers are available; any other is not configured. */
    private static Function<String, Optional<String>> only(String... carriers) {
        Set<String> available = Set.of(carriers);
        return carrier -> available.contains(carrier) ? Optional.empty() : Optional.of("not configured");
    }

    private static ShipmentFacts facts(String kg, String country, String postcode, String type, String preferred) {
        return new ShipmentFacts(new BigDecimal(kg), country, postcode, type, preferred, "ES");
    }
}
