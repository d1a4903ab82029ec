package io.shipbridge.local.demo;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;

/** New marketplace orders for a demo seller, and the SKU catalog (weights) the seller uploads for them. */
public interface OrderSource {

    /** A new order waiting for acceptance, in OR11's format, created now. */
    ObjectNode next(Instant now);

    /** The catalog as the seller uploads it: {@code sku,weight_kg,length_cm,width_cm,height_cm}. */
    String catalogCsv();
}
