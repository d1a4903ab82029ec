package io.shipbridge.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The catalogue of bad inputs as a whole: every kind present and run by its own test class, at least 60 cases in
 * all, each with an expected answer. The counts per kind are written to {@code target/hostile-catalogue.txt} (CI
 * prints them).
 */
class HostileCatalogueTest {
    private static final List<String> KINDS = List.of("webhooks", "orders", "carrier-answers", "secrets",
            "configuration", "operator-api", "catalog-csv");

    @Test
    void everyKindHasCasesWithExpectedAnswersAndItsOwnTest() throws IOException {
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (String kind : KINDS) {
            // Reading checks every case has a unique name and an expected answer.
            counts.put(kind, HostileCaseFile.read(kind).size());
            String testClass = "io.shipbridge.hostile." + className(kind) + "CatalogueTest";
            assertThat(classExists(testClass)).as(testClass + " runs the " + kind + " cases").isTrue();
        }
        int total = counts.values().stream().mapToInt(Integer::intValue).sum();
        StringBuilder report = new StringBuilder("Catalogue of bad inputs: " + total + " cases\n");
        counts.forEach((kind, count) -> report.append(String.format("  %-16s %3d%n", kind, count)));
        Files.createDirectories(Path.of("target"));
        Files.writeString(Path.of("target/hostile-catalogue.txt"), report);
        System.out.print(report);

        assertThat(total).isGreaterThanOrEqualTo(60);
        assertThat(counts.values()).allSatisfy(count -> assertThat(count).isPositive());
    }

    /** {@code carrier-answers} → {@code CarrierAnswers}. */
    static String className(String kind) {
        StringBuilder name = new StringBuilder();
        for (String part : kind.split("-")) {
            name.append(Character.toUpperCase(part.charAt(0))).append(part.substring(1));
        }
        return name.toString();
    }

    private static boolean classExists(String name) {
        try {
            Class.forName(name);
            return true;
        } catch (ClassNotFoundException e) {
            return false;
        }
    }
}
