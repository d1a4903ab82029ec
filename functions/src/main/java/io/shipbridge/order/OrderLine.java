package io.shipbridge.order;

import java.math.BigDecimal;

/**
 * One line of an order: the seller's SKU and how many.
 *
 * @param state the line's Mirakl state when last fetched (a refused or cancelled line is not shipped)
 */
public record OrderLine(String lineId, String sku, String title, int quantity, BigDecimal unitPrice, String state) {

    public boolean isShippable() {
        return !"REFUSED".equals(state) && !"CANCELED".equals(state);
    }
}
