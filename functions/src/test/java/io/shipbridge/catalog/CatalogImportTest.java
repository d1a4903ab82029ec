package io.shipbridge.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.shipbridge.app.Components;
import io.shipbridge.config.Json;
import io.shipbridge.operations.OperationRecord;
import io.shipbridge.operations.OperationStatus;
import io.shipbridge.testing.TestStack;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.core.sync.RequestBody;

/** A catalog file in the bucket (the S3 stand-in) imported into the table (DynamoDB Local). */
class CatalogImportTest {
    @RegisterExtension
    static final TestStack STACK = new TestStack();

    @Test
    void aValidFileIsImportedAndReported() throws Exception {
        Components components = STACK.components();
        put("catalog/valid.csv", "sku,weight_kg,length_cm,width_cm,height_cm\nIMP-1,2.5,40,30,20\nIMP-2,0.3,,,\n");

        CatalogImport.Outcome outcome = components.catalogImport().importFile("catalog/valid.csv");

        assertThat(outcome.imported()).isEqualTo(2);
        assertThat(components.skuCatalog().items(List.of("IMP-1", "IMP-2"))).containsOnlyKeys("IMP-1", "IMP-2");
        assertThat(report("catalog-reports/valid.csv.json").path("imported").asInt()).isEqualTo(2);
        assertThat(operations(components)).filteredOn(r -> r.meta().get("file").equals("catalog/valid.csv"))
                .singleElement().satisfies(r -> {
                    assertThat(r.status()).isEqualTo(OperationStatus.OK);
                    assertThat(r.message()).isEqualTo("Imported 2 SKUs from catalog/valid.csv");
                });
    }

    @Test
    void aFileWithABadRowImportsNothingAndReportsEveryBadRow() throws Exception {
        Components components = STACK.components();
        put("catalog/typos.csv", "sku,weight_kg\nTYPO-1,1.1\nTYPO-2,1..2\nTYPO-3,\n");

        CatalogImport.Outcome outcome = components.catalogImport().importFile("catalog/typos.csv");

        assertThat(outcome.imported()).isZero();
        assertThat(components.skuCatalog().items(List.of("TYPO-1", "TYPO-2", "TYPO-3"))).isEmpty();
        JsonNode report = report("catalog-reports/typos.csv.json");
        assertThat(report.path("errors")).extracting(e -> e.path("line").asInt()).containsExactly(3, 4);
        assertThat(operations(components)).filteredOn(r -> r.meta().get("file").equals("catalog/typos.csv"))
                .singleElement().satisfies(r -> {
                    assertThat(r.status()).isEqualTo(OperationStatus.REJECTED);
                    assertThat(r.message()).startsWith("Nothing imported from catalog/typos.csv: 2 bad rows")
                            .contains("line 3: weight_kg '1..2' is not a number");
                });
    }

    @Test
    void filesOutsideTheUploadsOrNotCsvAreLeftAlone() {
        Components components = STACK.components();

        assertThat(components.catalogImport().importFile("catalog/notes.txt").skipped()).isTrue();
        assertThat(components.catalogImport().importFile("labels/tipsa/x.pdf").skipped()).isTrue();
    }

    private static void put(String key, String content) {
        STACK.aws().s3().putObject(p -> p.bucket(bucket()).key(key), RequestBody.fromString(content));
    }

    private static JsonNode report(String key) throws Exception {
        return Json.MAPPER.readTree(STACK.aws().s3().getObjectAsBytes(g -> g.bucket(bucket()).key(key)).asByteArray());
    }

    private static List<OperationRecord> operations(Components components) {
        return components.operations().ofDay(STACK.clock().instant()).stream()
                .filter(r -> r.action().equals("import_catalog")).toList();
    }

    private static String bucket() {
        return STACK.aws().resources().bucketName("LabelBucket");
    }
}
