package io.shipbridge.local.demo;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.shipbridge.config.Json;
import io.shipbridge.storage.SkuCatalogStore;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * Orders as a Spanish marketplace customer places them (OR11's format), from a small seller catalog whose SKU
 * weights it also puts in Shipbridge's catalog; each order weighs between 1 and 5 kg, as the default rules send to
 * TIPSA.
 */
public final class OrderGenerator {
    /** A catalog entry: SKU, title, unit weight, unit price. */
    public record Product(String sku, String title, BigDecimal weightKg, BigDecimal price) {
    }

    public static final List<Product> CATALOG = List.of(
            new Product("CAF-EXP-01", "Cafetera espresso 15 bar", new BigDecimal("3.20"), new BigDecimal("89.90")),
            new Product("HERV-17L", "Hervidor eléctrico 1,7 L", new BigDecimal("1.10"), new BigDecimal("24.95")),
            new Product("TOST-2R", "Tostadora 2 ranuras", new BigDecimal("1.60"), new BigDecimal("29.00")),
            new Product("SART-28", "Sartén antiadherente 28 cm", new BigDecimal("0.95"), new BigDecimal("19.90")),
            new Product("LIB-COC-ES", "Libro de cocina española", new BigDecimal("0.85"), new BigDecimal("22.50")),
            new Product("TAZ-SET4", "Juego de 4 tazas", new BigDecimal("1.40"), new BigDecimal("16.80")),
            new Product("BAT-VAS", "Batidora de vaso 1,5 L", new BigDecimal("2.70"), new BigDecimal("54.99")),
            new Product("CUCH-SET6", "Set de 6 cuchillos", new BigDecimal("1.25"), new BigDecimal("39.00")));

    private static final String[][] PLACES = {
        {"Madrid", "28"}, {"Barcelona", "08"}, {"Valencia", "46"}, {"Sevilla", "41"}, {"Bilbao", "48"},
        {"Zaragoza", "50"}, {"Málaga", "29"}, {"Murcia", "30"}, {"Valladolid", "47"}, {"A Coruña", "15"}};
    private static final String[] FIRST = {"Lucía", "Hugo", "Martina", "Mateo", "Sofía", "Leo", "Julia", "Daniel",
        "Paula", "Álvaro", "Carmen", "Pablo"};
    private static final String[] LAST = {"García", "Rodríguez", "González", "Fernández", "López", "Martínez",
        "Sánchez", "Pérez", "Gómez", "Martín", "Jiménez", "Ruiz"};
    private static final String[] STREETS = {"Calle Mayor", "Avenida de la Constitución", "Calle Real",
        "Paseo de Gracia", "Calle de Alcalá", "Gran Vía", "Calle San Vicente", "Avenida del Puerto"};

    private final RandomGenerator random;
    private int sequence;

    public OrderGenerator(RandomGenerator random, int firstSequence) {
        this.random = random;
        this.sequence = firstSequence;
    }

    /** Puts the catalog's weights in Shipbridge's SKU catalog. */
    public static void stockCatalog(SkuCatalogStore catalog) {
        CATALOG.forEach(product -> catalog.put(product.sku(), product.weightKg()));
    }

    /** A new order, waiting for acceptance, created now. */
    public ObjectNode next(Instant now) {
        String id = String.format("SB%06d-A", sequence++);
        List<Product> lines;
        BigDecimal weight;
        do {
            lines = new ArrayList<>();
            int count = 1 + random.nextInt(3);
            for (int i = 0; i < count; i++) {
                lines.add(CATALOG.get(random.nextInt(CATALOG.size())));
            }
            weight = lines.stream().map(Product::weightKg).reduce(BigDecimal.ZERO, BigDecimal::add);
        } while (weight.compareTo(BigDecimal.ONE) < 0 || weight.compareTo(new BigDecimal("5")) > 0);
        ObjectNode order = Json.MAPPER.createObjectNode();
        order.put("order_id", id);
        order.put("commercial_id", id.substring(0, id.length() - 2));
        order.put("order_state", "WAITING_ACCEPTANCE");
        order.put("created_date", now.toString());
        order.put("last_updated_date", now.toString());
        order.put("shipping_type_code", "STD");
        order.put("shipping_type_label", "Envío estándar");
        order.put("currency_iso_code", "EUR");
        order.put("channel", Json.MAPPER.createObjectNode().put("code", "ES").put("label", "España"));
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
        String[] place = PLACES[random.nextInt(PLACES.length)];
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
        address.put("zip_code", place[1] + String.format("%03d", random.nextInt(60)));
        address.put("city", place[0]);
        address.put("country", "España");
        address.put("country_iso_code", random.nextInt(4) == 0 ? "ESP" : "ES");
        address.put("phone", "+34 6" + (10_000_000 + random.nextInt(89_999_999)));
        return order;
    }
}
