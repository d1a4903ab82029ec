package io.shipbridge.hostile;

import com.fasterxml.jackson.databind.JsonNode;
import io.shipbridge.config.Json;
import io.shipbridge.testing.Fixtures;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.params.provider.Arguments;

/** The catalogue of bad inputs: {@code hostile/<kind>.json}, an array of cases, each with a unique {@code case}. */
final class HostileCases {
    static final List<String> KINDS = List.of("webhooks", "orders", "carrier-answers", "secrets", "configuration",
            "operator-api", "catalog-csv");

    private HostileCases() {
    }

    static List<JsonNode> of(String kind) {
        JsonNode all = Json.read(Fixtures.resource("hostile/" + kind + ".json"), JsonNode.class);
        List<JsonNode> cases = new ArrayList<>();
        Set<String> names = new HashSet<>();
        all.forEach(c -> {
            if (!names.add(c.path("case").asText())) {
                throw new IllegalStateException("hostile/" + kind + ".json has case '" + c.path("case").asText()
                        + "' twice");
            }
            cases.add(c);
        });
        return cases;
    }

    /** For {@code @MethodSource}: the case's name, then the case. */
    static Stream<Arguments> arguments(String kind) {
        return of(kind).stream().map(c -> Arguments.of(c.path("case").asText(), c));
    }
}
