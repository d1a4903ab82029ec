package io.shipbridge.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import io.shipbridge.order.ParcelDimensions;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class CatalogCsvTest {

    @Test
    void readsWeightsAndOptionalBoxesCommaOrSemicolonSeparated() {
        CatalogFile comma = CatalogCsv.parse("""
                sku,weight_kg,length_cm,width_cm,height_cm
                KETTLE-1,1.25,30,20,25
                "BOOK, COOKING",0.85,,,

                MICRO-20L,11.5,46,36,27
                """);
        CatalogFile semicolon = CatalogCsv.parse("\uFEFFSKU;Weight_Kg\r\nKETTLE-1;1,25\r\nMUG;0,4\r\n");

        assertThat(comma.errors()).isEmpty();
        assertThat(comma.items()).containsExactly(
                new CatalogItem("KETTLE-1", new BigDecimal("1.25"), box("30", "20", "25")),
                new CatalogItem("BOOK, COOKING", new BigDecimal("0.85")),
                new CatalogItem("MICRO-20L", new BigDecimal("11.5"), box("46", "36", "27")));
        assertThat(semicolon.items()).extracting(CatalogItem::weightKg).containsExactly(new BigDecimal("1.25"),
                new BigDecimal("0.4"));
    }

    @Test
    void everyBadRowIsReportedWithItsLineAndNothingIsKept() {
        CatalogFile file = CatalogCsv.parse("""
                sku,weight_kg,length_cm,width_cm,height_cm
                GOOD-1,1.2,10,10,10
                ,1.0,,,
                HEAVY,2000,,,
                BAD-W,one kilo,,,
                HALF-BOX,1,10,,
                GOOD-1,1.3,,,
                SHORT,1
                NEGATIVE,-1,,,
                """);

        assertThat(file.items()).isEmpty();
        assertThat(file.errors()).extracting(CatalogFile.RowError::line).containsExactly(3L, 4L, 5L, 6L, 7L, 8L, 9L);
        assertThat(file.errors()).extracting(CatalogFile.RowError::reason).containsExactly(
                "sku must be 1 to 100 printable characters",
                "weight_kg 2000 must be above 0 and at most 1000",
                "weight_kg 'one kilo' is not a number",
                "width_cm '' is not a number",
                "SKU GOOD-1 appears twice",
                "2 fields where the header has 5",
                "weight_kg -1 must be above 0 and at most 1000");
    }

    @Test
    void aFileWithoutTheHeaderOrEmptyIsRefusedAsAWhole() {
        assertThat(CatalogCsv.parse("KETTLE-1,1.25\n").errors()).singleElement()
                .satisfies(e -> assertThat(e.reason()).startsWith("the header must be sku,weight_kg"));
        assertThat(CatalogCsv.parse("").errors()).singleElement()
                .satisfies(e -> assertThat(e.reason()).isEqualTo("the file is empty"));
        assertThat(CatalogCsv.parse("sku,weight_kg,colour\nA,1,red\n").errors()).hasSize(1);
    }

    private static ParcelDimensions box(String length, String width, String height) {
        return new ParcelDimensions(new BigDecimal(length), new BigDecimal(width), new BigDecimal(height));
    }
}
