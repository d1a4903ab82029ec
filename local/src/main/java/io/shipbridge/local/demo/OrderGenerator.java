package io.shipbridge.local.demo;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.shipbridge.config.Json;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;

/**
 * Orders as a Spanish seller's marketplace customers place them (OR11's format), from a small catalog whose SKU
 * weights it also puts in Shipbridge's catalog. Each order is one of the kinds the shipped carrier rules tell apart:
 * 1 to 5 kg within the peninsula, over 5 kg within the peninsula, to the Balearic or Canary Islands, or to another EU
 * country, or under 1 kg within the peninsula (OnTime's). The catalog reaches Shipbridge
 * as a seller's would: as a CSV put in the bucket ({@link #catalogCsv()}).
 */
public final class OrderGenerator implements OrderSource {
    /** A catalog entry: SKU, title, unit weight, unit price, and its box in centimetres (null when unknown). */
    public record Product(String sku, String title, BigDecimal weightKg, BigDecimal price, int[] boxCm) {
    }

    /** What an order is, for the carrier rules. */
    public enum Kind {
        DOMESTIC_1_TO_5_KG, DOMESTIC_OVER_5_KG, ISLANDS, EUROPE, DOMESTIC_UNDER_1_KG
    }

    public static final List<Product> CATALOG = List.of(
            product("CAF-EXP-01", "Cafetera espresso 15 bar", "3.20", "89.90", 35, 25, 30),
            product("HERV-17L", "Hervidor eléctrico 1,7 L", "1.10", "24.95", 22, 16, 25),
            product("TOST-2R", "Tostadora 2 ranuras", "1.60", "29.00", 30, 18, 20),
            product("SART-28", "Sartén antiadherente 28 cm", "0.95", "19.90", 0, 0, 0),
            product("LIB-COC-ES", "Libro de cocina española", "0.85", "22.50", 28, 22, 3),
            product("TAZ-SET4", "Juego de 4 tazas", "1.40", "16.80", 0, 0, 0),
            product("BAT-VAS", "Batidora de vaso 1,5 L", "2.70", "54.99", 25, 20, 40),
            product("CUCH-SET6", "Set de 6 cuchillos", "1.25", "39.00", 0, 0, 0),
            product("MICRO-20L", "Microondas 20 L", "11.50", "79.00", 46, 36, 27),
            product("OLLAS-SET5", "Batería de cocina 5 piezas", "6.80", "119.00", 50, 30, 25),
            product("ROBOT-COC", "Robot de cocina multifunción", "5.90", "249.00", 40, 30, 35));

    private static final Map<Kind, Integer> MIX = Map.of(Kind.DOMESTIC_1_TO_5_KG, 40, Kind.DOMESTIC_OVER_5_KG, 20,
            Kind.ISLANDS, 10, Kind.EUROPE, 15, Kind.DOMESTIC_UNDER_1_KG, 15);
    private static final Place[] PENINSULA = {
        new Place("Madrid", "28", "ES", "España"), new Place("Barcelona", "08", "ES", "España"),
        new Place("Valencia", "46", "ES", "España"), new Place("Sevilla", "41", "ES", "España"),
        new Place("Bilbao", "48", "ES", "España"), new Place("Zaragoza", "50", "ES", "España"),
        new Place("Málaga", "29", "ES", "España"), new Place("Murcia", "30", "ES", "España"),
        new Place("Valladolid", "47", "ES", "España"), new Place("A Coruña", "15", "ES", "España")};
    private static final Place[] ISLANDS = {
        new Place("Palma", "07", "ES", "España"), new Place("Ibiza", "07", "ES", "España"),
        new Place("Las Palmas de Gran Canaria", "35", "ES", "España"),
        new Place("Santa Cruz de Tenerife", "38", "ES", "España")};
    private static final Place[] EUROPE = {
        new Place("Paris", "75", "FR", "France"), new Place("Lyon", "69", "FR", "France"),
        new Place("Lisboa", "1100", "PT", "Portugal"), new Place("Porto", "4000", "PT", "Portugal"),
        new Place("Berlin", "10", "DE", "Deutschland"), new Place("Roma", "00", "IT", "Italia"),
        new Place("Bruxelles", "10", "BE", "Belgique")};

    private static final String[] FIRST = {"Lucía", "Hugo", "Martina", "Mateo", "Sofía", "Leo", "Julia", "Daniel",
        "Paula", "Álvaro", "Carmen", "Pablo"};
    private static final String[] LAST = {"García", "Rodríguez", "González", "Fernández", "López", "Martínez",
        "Sánchez", "Pérez", "Gómez", "Martín", "Jiménez", "Ruiz"};
    private static final String[] STREETS = {"Calle Mayor", "Avenida de la Constitución", "Calle Real",
        "Paseo de Gracia", "Calle de Alcalá", "Gran Vía", "Calle San Vicente", "Avenida del Puerto"};

    /** A destination: its city, the start of its postcodes, its country. */
    private record Place(String city, String postcodePrefix, String countryCode, String country) {
    }

    private static final Map<String, String> PHONE_PREFIX = Map.of("ES", "+34", "FR", "+33", "PT", "+351", "DE",
            "+49", "IT", "+39", "BE", "+32");

    private final RandomGenerator random;
    private int sequence;

    /** A postcode of the place as its country writes them (Portugal: NNNN-NNN). */
    private String postcode(Place place) {
        return switch (place.countryCode()) {
            case "PT" -> place.postcodePrefix() + "-" + String.format("%03d", 1 + random.nextInt(300));
            case "BE" -> place.postcodePrefix() + String.format("%02d", random.nextInt(100));
            default -> place.postcodePrefix() + String.format("%03d", random.nextInt(60));
        };
    }

    public OrderGenerator(RandomGenerator random, int firstSequence) {
        this.random = random;
        this.sequence = firstSequence;
    }

    private static Product product(String sku, String title, String kg, String price, int length, int width,
            int height) {
        return new Product(sku, title, new BigDecimal(kg), new BigDecimal(price), length == 0 ? null
                : new int[] {length, width, height});
    }

    @Override
    public String catalogCsv() {
        return OrderSource.catalogCsv(CATALOG.stream().map(p -> new CatalogRow(p.sku(), p.weightKg(), p.boxCm()))
                .toList());
    }

    /** A new order of a kind drawn from the mix (half 1 to 5 kg in the peninsula), waiting for acceptance. */
    @Override
    public ObjectNode next(Instant now) {
        int roll = random.nextInt(100);
        for (Kind kind : Kind.values()) {
            roll -= MIX.get(kind);
            if (roll < 0) {
                return next(now, kind);
            }
        }
        throw new IllegalStateException("The mix adds up to less than 100");
    }

    /** A new order of this kind, waiting for acceptance, created now. */
    public ObjectNode next(Instant now, Kind kind) {
        String id = String.format("SB%06d-A", sequence++);
        BigDecimal least = kind == Kind.DOMESTIC_OVER_5_KG ? new BigDecimal("5.001")
                : kind == Kind.DOMESTIC_UNDER_1_KG ? BigDecimal.ZERO : BigDecimal.ONE;
        BigDecimal most = kind == Kind.DOMESTIC_1_TO_5_KG ? new BigDecimal("5")
                : kind == Kind.DOMESTIC_UNDER_1_KG ? new BigDecimal("0.999") : new BigDecimal("30");
        List<Product> lines;
        BigDecimal weight;
        do {
            lines = new ArrayList<>();
            int count = 1 + random.nextInt(3);
            for (int i = 0; i < count; i++) {
                lines.add(CATALOG.get(random.nextInt(CATALOG.size())));
            }
            weight = lines.stream().map(Product::weightKg).reduce(BigDecimal.ZERO, BigDecimal::add);
        } while (weight.compareTo(least) < 0 || weight.compareTo(most) > 0);
        Place place = switch (kind) {
            case ISLANDS -> ISLANDS[random.nextInt(ISLANDS.length)];
            case EUROPE -> EUROPE[random.nextInt(EUROPE.length)];
            default -> PENINSULA[random.nextInt(PENINSULA.length)];
        };
        ObjectNode order = Json.MAPPER.createObjectNode();
        order.put("order_id", id);
        order.put("commercial_id", id.substring(0, id.length() - 2));
        order.put("order_state", "WAITING_ACCEPTANCE");
        order.put("created_date", now.toString());
        order.put("last_updated_date", now.toString());
        order.put("shipping_type_code", "STD");
        order.put("shipping_type_label", "Envío estándar");
        order.put("currency_iso_code", "EUR");
        order.put("channel", Json.MAPPER.createObjectNode().put("code", place.countryCode())
                .put("label", place.country()));
        ArrayNode orderLines = order.putArray("order_lines");
        BigDecimal total = BigDecimal.ZERO;
        for (int i = 0; i < lines.size(); i++) {
            Product product = lines.get(i);
            ObjectNode line = orderLines.addObject();
            line.put("order_line_id", id + "-" + (i + 1));
            line.put("order_line_index", i + 1);
            line.put("order_line_state", "WAITING_ACCEPTANCE");
            line.put("offer_sku", product.sku());
            line.put("product_sku", "P" + product.sku());
            line.put("product_title", product.title());
            line.put("quantity", 1);
            line.put("price_unit", product.price());
            line.put("price", product.price());
            total = total.add(product.price());
        }
        order.put("price", total);
        order.put("shipping_price", new BigDecimal("4.90"));
        order.put("total_price", total.add(new BigDecimal("4.90")).setScale(2, RoundingMode.HALF_UP));
        String first = FIRST[random.nextInt(FIRST.length)];
        String last = LAST[random.nextInt(LAST.length)] + " " + LAST[random.nextInt(LAST.length)];
        ObjectNode customer = order.putObject("customer");
        customer.put("customer_id", "C" + (100_000 + random.nextInt(900_000)));
        customer.put("firstname", first);
        customer.put("lastname", last);
        customer.put("locale", "es_ES");
        ObjectNode address = customer.putObject("shipping_address");
        address.put("firstname", first);
        address.put("lastname", last);
        address.put("street_1", STREETS[random.nextInt(STREETS.length)] + " " + (1 + random.nextInt(120)));
        address.put("street_2", (1 + random.nextInt(8)) + "º " + (char) ('A' + random.nextInt(4)));
        address.put("zip_code", postcode(place));
        address.put("city", place.city());
        address.put("country", place.country());
        address.put("country_iso_code", place.countryCode().equals("ES") && random.nextInt(4) == 0 ? "ESP"
                : place.countryCode());
        address.put("phone", PHONE_PREFIX.get(place.countryCode()) + " 6" + (10_000_000 + random.nextInt(89_999_999)));
        return order;
    }
}
