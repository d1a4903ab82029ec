package io.shipbridge.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.shipbridge.app.Components;
import io.shipbridge.catalog.CatalogFile;
import io.shipbridge.catalog.CatalogImport;
import io.shipbridge.operations.OperationRecord;
import io.shipbridge.operations.OperationStatus;
import io.shipbridge.testing.TestStack;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awssdk.core.sync.RequestBody;

/**
 * The catalogue's bad SKU catalog files ({@code hostile/catalog-csv.json}), each uploaded to the bucket and imported
 * by the function's own service: refused with the line and reason the case expects, nothing of it imported, and
 * nothing else changed but the import's report and its operations-log row.
 */
class CatalogCsvCatalogueTest {
    @RegisterExtension
    static final TestStack STACK = new TestStack();

    static Stream<Arguments> cases() {
        return HostileCaseFile.cases("catalog-csv");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void answersAsTheCatalogueExpects(JsonNode c) {
        Components components = STACK.components();
        String key = CatalogImport.UPLOADS + "hostile-" + c.path("case").asText() + "-" + System.nanoTime() + ".csv";
        byte[] content = c.has("base64") ? Base64.getDecoder().decode(c.path("base64").asText())
                : HostileCaseFile.text(c, "csv").getBytes(StandardCharsets.UTF_8);
        STACK.aws().s3().putObject(p -> p.bucket(bucket()).key(key), RequestBody.fromBytes(content));
        JsonNode expect = c.path("expect");
        List<String> skus = new ArrayList<>();
        expect.path("skus").forEach(s -> skus.add(s.asText()));
        StackState before = StackState.of(STACK);

        CatalogImport.Outcome outcome = components.catalogImport().importFile(key);

        assertThat(outcome.imported()).isEqualTo(expect.path("imported").asInt());
        String reportKey = CatalogImport.REPORTS + key.substring(CatalogImport.UPLOADS.length()) + ".json";
        List<OperationRecord> rows = components.operations().ofDay(STACK.clock().instant()).stream()
                .filter(r -> r.action().equals("import_catalog") && key.equals(r.meta().get("file"))).toList();
        assertThat(rows).singleElement().satisfies(row -> assertThat(row.status())
                .isEqualTo(skus.isEmpty() ? OperationStatus.REJECTED : OperationStatus.OK));
        if (skus.isEmpty()) {
            assertThat(outcome.errors()).anySatisfy(error -> {
                assertThat(error.line()).isEqualTo(expect.path("line").asLong());
                assertThat(error.reason()).contains(expect.path("reason").asText());
            });
            if (expect.has("reasonAtMost")) {
                assertThat(outcome.errors()).extracting(CatalogFile.RowError::reason)
                        .allSatisfy(r -> assertThat(r.length()).isLessThanOrEqualTo(expect.path("reasonAtMost").asInt()));
            }
        } else {
            assertThat(outcome.errors()).isEmpty();
            assertThat(components.skuCatalog().items(skus)).containsOnlyKeys(skus);
        }
        StackState.of(STACK).assertUnchangedSince(before, changed -> StackState.operationsLog(changed)
                || changed.equals(reportKey) || skus.stream().anyMatch(sku -> changed.equals("SKU#" + sku + " | SKU")
                        || changed.startsWith("SKU#" + sku + " |")));
    }

    private static String bucket() {
        return STACK.aws().resources().bucketName("LabelBucket");
    }
}
