package io.shipbridge.local.demo;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/** New marketplace orders for a demo seller, and the SKU catalog (weights) the seller uploads for them. */
public interface OrderSource {

    /** A new order waiting for acceptance, in OR11's format, created now. */
    ObjectNode next(Instant now);

    /** The catalog as the seller uploads it: {@code sku,weight_kg,length_cm,width_cm,height_cm}. */
    String catalogCsv();

    /** One SKU of a demo catalog: its unit weight, and its box in centimetres (null when unknown). */
    record CatalogRow(String sku, BigDecimal weightKg, int[] boxCm) {
    }

    /** The rows as the seller's catalog CSV. */
    static String catalogCsv(List<CatalogRow> rows) {
        StringBuilder csv = new StringBuilder("sku,weight_kg,length_cm,width_cm,height_cm\n");
        for (CatalogRow row : rows) {
            int[] box = row.boxCm();
            csv.append(row.sku()).append(',').append(row.weightKg().toPlainString()).append(',')
                    .append(box == null ? ",," : box[0] + "," + box[1] + "," + box[2]).append('\n');
        }
        return csv.toString();
    }
}
