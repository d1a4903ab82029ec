package io.shipbridge.catalog;

import java.util.List;

/**
 * A catalog CSV as read: its items when every row is valid, or every bad row with its line and reason (then no item
 * is imported).
 */
public record CatalogFile(List<CatalogItem> items, List<RowError> errors) {

    public CatalogFile {
        items = List.copyOf(items);
        errors = List.copyOf(errors);
    }

    /** A row refused: its line in the file (1 is the header) and why. */
    public record RowError(long line, String reason) {

        @Override
        public String toString() {
            return "line " + line + ": " + reason;
        }
    }

    public boolean isValid() {
        return errors.isEmpty();
    }
}
