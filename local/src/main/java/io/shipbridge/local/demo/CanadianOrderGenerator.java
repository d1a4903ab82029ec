package io.shipbridge.local.demo;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.shipbridge.config.Json;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * Orders as a Best Buy Canada seller's customers place them (OR11's format): CAD, every province, bilingual (a
 * Quebec customer writes in French), the province in the address's {@code state} written as the customer typed it
 * (code or name, English or French), postal codes sometimes lower case or without their space, as forms let them
 * through. All within Canada and under Canada Post's 30 kg, so all ship with Canada Post.
 */
public final class CanadianOrderGenerator implements OrderSource {
    /** A catalog entry: SKU, English and French titles, unit weight, unit price, box in centimetres. */
    private record Product(String sku, String english, String french, BigDecimal weightKg, BigDecimal price,
            int[] boxCm) {
    }

    /** A destination: its city, province as customers write it, a real forward sortation area, language. */
    private record Place(String city, String[] provinceSpellings, String fsa, boolean french) {
    }

    private static final List<Product> CATALOG = List.of(
            product("BB-HDPH-NC", "Noise-cancelling headphones", "Casque à réduction de bruit", "0.45", "249.99",
                    22, 20, 9),
            product("BB-CAM-4K", "4K action camera", "Caméra d'action 4K", "0.35", "329.99", 15, 12, 8),
            product("BB-KB-MECH", "Mechanical keyboard", "Clavier mécanique", "1.20", "149.99", 46, 16, 5),
            product("BB-MON-27", "27-inch monitor", "Moniteur 27 pouces", "6.40", "379.99", 70, 45, 16),
            product("BB-ROUTER-6", "Wi-Fi 6 router", "Routeur Wi-Fi 6", "0.90", "199.99", 30, 22, 9),
            product("BB-SPK-BT", "Bluetooth speaker", "Haut-parleur Bluetooth", "0.70", "99.99", 0, 0, 0),
            product("BB-AIRFRY", "Air fryer 5.5 L", "Friteuse à air 5,5 L", "5.60", "129.99", 38, 34, 36),
            product("BB-VAC-STICK", "Cordless stick vacuum", "Aspirateur-balai sans fil", "3.10", "299.99",
                    72, 26, 20));
    private static final Place[] PLACES = {
        new Place("Toronto", new String[] {"ON", "Ontario"}, "M5V", false),
        new Place("Ottawa", new String[] {"ON", "Ontario"}, "K1P", false),
        new Place("Montréal", new String[] {"QC", "Québec", "Quebec"}, "H2X", true),
        new Place("Québec", new String[] {"QC", "Québec"}, "G1R", true),
        new Place("Vancouver", new String[] {"BC", "British Columbia", "Colombie-Britannique"}, "V6B", false),
        new Place("Calgary", new String[] {"AB", "Alberta"}, "T2P", false),
        new Place("Winnipeg", new String[] {"MB", "Manitoba"}, "R3C", false),
        new Place("Halifax", new String[] {"NS", "Nova Scotia"}, "B3J", false),
        new Place("Regina", new String[] {"SK", "Saskatchewan"}, "S4P", false),
        new Place("Moncton", new String[] {"NB", "New Brunswick", "Nouveau-Brunswick"}, "E1C", false),
        new Place("St. John's", new String[] {"NL", "Newfoundland and Labrador"}, "A1C", false),
        new Place("Whitehorse", new String[] {"YT", "Yukon"}, "Y1A", false)};
    private static final String[] FIRST_EN = {"Olivia", "Liam", "Emma", "Noah", "Charlotte", "Lucas", "Ava", "Ethan"};
    private static final String[] LAST_EN = {"Smith", "Brown", "Tremblay", "Martin", "Roy", "Wilson", "MacDonald",
        "Singh"};
    private static final String[] FIRST_FR = {"Léa", "William", "Chloé", "Félix", "Florence", "Émile", "Zoé", "Thomas"};
    private static final String[] LAST_FR = {"Tremblay", "Gagnon", "Côté", "Bouchard", "Gauthier", "Morin", "Lavoie",
        "Bélanger"};
    private static final String[] STREETS_EN = {"King Street West", "Yonge Street", "Main Street", "Robson Street",
        "Portage Avenue", "Barrington Street"};
    private static final String[] STREETS_FR = {"rue Sainte-Catherine Ouest", "boulevard Saint-Laurent",
        "rue Saint-Jean", "avenue du Mont-Royal", "chemin Sainte-Foy"};
    /** Letters Canada Post uses in the last three characters of a postal code (no D, F, I, O, Q, U). */
    private static final String LETTERS = "ABCEGHJKLMNPRSTVWXYZ";

    private final RandomGenerator random;
    private int sequence;

    public CanadianOrderGenerator(RandomGenerator random, int firstSequence) {
        this.random = random;
        this.sequence = firstSequence;
    }

    private static Product product(String sku, String english, String french, String kg, String price, int length,
            int width, int height) {
        return new Product(sku, english, french, new BigDecimal(kg), new BigDecimal(price), length == 0 ? null
                : new int[] {length, width, height});
    }

    @Override
    public String catalogCsv() {
        return OrderSource.catalogCsv(CATALOG.stream().map(p -> new CatalogRow(p.sku(), p.weightKg(), p.boxCm()))
                .toList());
    }

    @Override
    public ObjectNode next(Instant now) {
        String id = String.format("BBCA%06d-A", sequence++);
        Place place = PLACES[random.nextInt(PLACES.length)];
        ObjectNode order = Json.MAPPER.createObjectNode();
        order.put("order_id", id);
        order.put("commercial_id", id.substring(0, id.length() - 2));
        order.put("order_state", "WAITING_ACCEPTANCE");
        order.put("created_date", now.toString());
        order.put("last_updated_date", now.toString());
        order.put("shipping_type_code", "STANDARD");
        order.put("shipping_type_label", place.french() ? "Livraison standard" : "Standard Shipping");
        order.put("currency_iso_code", "CAD");
        order.put("channel", Json.MAPPER.createObjectNode().put("code", "CA").put("label", "Canada"));
        ArrayNode lines = order.putArray("order_lines");
        BigDecimal total = BigDecimal.ZERO;
        int count = 1 + random.nextInt(2);
        for (int i = 0; i < count; i++) {
            Product product = CATALOG.get(random.nextInt(CATALOG.size()));
            ObjectNode line = lines.addObject();
            line.put("order_line_id", id + "-" + (i + 1));
            line.put("order_line_index", i + 1);
            line.put("order_line_state", "WAITING_ACCEPTANCE");
            line.put("offer_sku", product.sku());
            line.put("product_sku", "P" + product.sku());
            line.put("product_title", place.french() ? product.french() : product.english());
            line.put("quantity", 1);
            line.put("price_unit", product.price());
            line.put("price", product.price());
            total = total.add(product.price());
        }
        order.put("price", total);
        order.put("shipping_price", new BigDecimal("9.99"));
        order.put("total_price", total.add(new BigDecimal("9.99")).setScale(2, RoundingMode.HALF_UP));
        String first = place.french() ? FIRST_FR[random.nextInt(FIRST_FR.length)]
                : FIRST_EN[random.nextInt(FIRST_EN.length)];
        String last = place.french() ? LAST_FR[random.nextInt(LAST_FR.length)]
                : LAST_EN[random.nextInt(LAST_EN.length)];
        ObjectNode customer = order.putObject("customer");
        customer.put("customer_id", "C" + (100_000 + random.nextInt(900_000)));
        customer.put("firstname", first);
        customer.put("lastname", last);
        customer.put("locale", place.french() ? "fr_CA" : "en_CA");
        ObjectNode address = customer.putObject("shipping_address");
        address.put("firstname", first);
        address.put("lastname", last);
        String[] streets = place.french() ? STREETS_FR : STREETS_EN;
        address.put("street_1", (1 + random.nextInt(2400)) + " " + streets[random.nextInt(streets.length)]);
        if (random.nextInt(3) == 0) {
            address.put("street_2", (place.french() ? "app. " : "Apt ") + (100 + random.nextInt(1900)));
        }
        address.put("zip_code", postalCode(place));
        address.put("city", place.city());
        address.put("state", place.provinceSpellings()[random.nextInt(place.provinceSpellings().length)]);
        address.put("country", "Canada");
        address.put("country_iso_code", random.nextInt(4) == 0 ? "CAN" : "CA");
        address.put("phone", "+1 " + (200 + random.nextInt(700)) + " 555 " + String.format("%04d",
                random.nextInt(10_000)));
        return order;
    }

    /** A postal code of the place's area, written as customers write them: mostly {@code A1A 1A1}, not always. */
    private String postalCode(Place place) {
        String code = place.fsa() + random.nextInt(10) + LETTERS.charAt(random.nextInt(LETTERS.length()))
                + random.nextInt(10);
        return switch (random.nextInt(6)) {
            case 0 -> code.toLowerCase(java.util.Locale.ROOT);
            case 1 -> code;
            default -> code.substring(0, 3) + " " + code.substring(3);
        };
    }
}
