package io.shipbridge.catalog;

import io.shipbridge.order.ParcelDimensions;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads the seller's catalog CSV, {@code sku,weight_kg[,length_cm,width_cm,height_cm]} with that header, comma- or
 * semicolon-separated (as spreadsheets in Spain save it), a decimal comma allowed. Every row is checked and every bad
 * row reported with its line; one bad row and nothing is imported, so a catalog is never half-replaced by a file
 * with a typo in it. A SKU may not start as a spreadsheet formula does ({@code = + - @}), numbers are plain decimals
 * (no exponent), and a file that is not UTF-8 is refused row by row; reasons quote at most 40 characters of a cell.
 */
public final class CatalogCsv {
    /** The most rows a file may have: larger catalogs go in several files. */
    public static final int MAX_ROWS = 50_000;
    private static final List<String> COLUMNS = List.of("sku", "weight_kg", "length_cm", "width_cm", "height_cm");
    private static final BigDecimal MAX_WEIGHT_KG = new BigDecimal("1000");
    private static final BigDecimal MAX_SIDE_CM = new BigDecimal("500");
    private static final int MAX_SKU_LENGTH = 100;
    /** What a spreadsheet takes for the start of a formula (CSV injection): no SKU may start so. */
    private static final String FORMULA_START = "=+-@";
    /** What a decoder puts for bytes that are not UTF-8 (a file saved as Latin-1 or UTF-16, say). */
    private static final char NOT_UTF8 = '\uFFFD';
    /** A decimal as spreadsheets write it: no exponent, whose scale could be anything. */
    private static final Pattern PLAIN_DECIMAL = Pattern.compile("-?\\d{1,9}(\\.\\d{1,6})?");
    private static final int QUOTED = 40;

    private CatalogCsv() {
    }

    public static CatalogFile parse(String text) {
        String content = text.startsWith("\uFEFF") ? text.substring(1) : text;
        String header = content.lines().findFirst().orElse("");
        char delimiter = header.contains(";") && !header.contains(",") ? ';' : ',';
        CSVFormat format = CSVFormat.DEFAULT.builder().setDelimiter(delimiter).setIgnoreEmptyLines(true)
                .setTrim(true).get();
        List<CatalogItem> items = new ArrayList<>();
        List<CatalogFile.RowError> errors = new ArrayList<>();
        try (CSVParser parser = CSVParser.parse(new StringReader(content), format)) {
            List<String> columns = null;
            Set<String> seen = new HashSet<>();
            for (CSVRecord record : parser) {
                long line = parser.getCurrentLineNumber();
                if (columns == null) {
                    columns = record.stream().map(c -> c.toLowerCase(Locale.ROOT)).toList();
                    if (!columns.equals(COLUMNS.subList(0, 2)) && !columns.equals(COLUMNS)) {
                        return new CatalogFile(List.of(), List.of(new CatalogFile.RowError(line, "the header must be "
                                + String.join(",", COLUMNS.subList(0, 2)) + " or " + String.join(",", COLUMNS)
                                + ", was " + quoted(String.join(",", columns)))));
                    }
                    continue;
                }
                if (items.size() + errors.size() >= MAX_ROWS) {
                    errors.add(new CatalogFile.RowError(line, "more than " + MAX_ROWS + " rows: split the catalog"));
                    break;
                }
                try {
                    CatalogItem item = item(record, columns.size());
                    if (!seen.add(item.sku())) {
                        throw new IllegalArgumentException("SKU " + quoted(item.sku()) + " appears twice");
                    }
                    items.add(item);
                } catch (IllegalArgumentException e) {
                    errors.add(new CatalogFile.RowError(line, e.getMessage()));
                }
            }
            if (columns == null) {
                errors.add(new CatalogFile.RowError(1, "the file is empty"));
            }
        } catch (IOException | UncheckedIOException e) {
            errors.add(new CatalogFile.RowError(0, "not a readable CSV file (" + e.getMessage() + ")"));
        }
        return errors.isEmpty() ? new CatalogFile(items, List.of()) : new CatalogFile(List.of(), errors);
    }

    private static CatalogItem item(CSVRecord record, int columns) {
        if (record.size() != columns) {
            throw new IllegalArgumentException(record.size() + " fields where the header has " + columns);
        }
        if (record.stream().anyMatch(cell -> cell.indexOf(NOT_UTF8) >= 0)) {
            throw new IllegalArgumentException("the row is not UTF-8 text: save the file as CSV UTF-8");
        }
        String sku = record.get(0);
        if (sku.isEmpty() || sku.length() > MAX_SKU_LENGTH || sku.chars().anyMatch(Character::isISOControl)) {
            throw new IllegalArgumentException("sku must be 1 to " + MAX_SKU_LENGTH + " printable characters");
        }
        if (FORMULA_START.indexOf(sku.charAt(0)) >= 0) {
            throw new IllegalArgumentException("sku " + quoted(sku) + " starts with " + sku.charAt(0)
                    + ", which a spreadsheet opening an export would run as a formula");
        }
        BigDecimal weight = number(record.get(1), "weight_kg", MAX_WEIGHT_KG);
        if (columns == 2) {
            return new CatalogItem(sku, weight);
        }
        List<String> sides = List.of(record.get(2), record.get(3), record.get(4));
        if (sides.stream().allMatch(String::isEmpty)) {
            return new CatalogItem(sku, weight);
        }
        return new CatalogItem(sku, weight, new ParcelDimensions(number(sides.get(0), "length_cm", MAX_SIDE_CM),
                number(sides.get(1), "width_cm", MAX_SIDE_CM), number(sides.get(2), "height_cm", MAX_SIDE_CM)));
    }

    /** A cell as a reason quotes it: shortened, so a huge cell does not make a huge report. */
    private static String quoted(String cell) {
        return cell.length() > QUOTED ? cell.substring(0, QUOTED) + "..." : cell;
    }

    private static BigDecimal number(String text, String column, BigDecimal max) {
        String normalized = text.matches("\\d+,\\d+") ? text.replace(',', '.') : text;
        if (!PLAIN_DECIMAL.matcher(normalized).matches()) {
            throw new IllegalArgumentException(column + " '" + quoted(text) + "' is not a number");
        }
        BigDecimal value = new BigDecimal(normalized);
        if (value.signum() <= 0 || value.compareTo(max) > 0) {
            throw new IllegalArgumentException(column + " " + text + " must be above 0 and at most " + max);
        }
        return value;
    }
}
