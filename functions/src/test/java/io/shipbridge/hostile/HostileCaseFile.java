package io.shipbridge.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.shipbridge.config.Json;
import io.shipbridge.testing.Fixtures;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.provider.Arguments;

/**
 * One kind of the catalogue of bad inputs, {@code hostile/<kind>.json}: an array of cases, each with a unique
 * {@code case} name, its {@code expect}ed answer and the kind's own input fields. A parameterized test takes
 * {@code cases(kind)} as its source, one invocation per case named by it.
 */
final class HostileCaseFile {
    private HostileCaseFile() {
    }

    static List<JsonNode> read(String kind) {
        JsonNode root = Json.read(Fixtures.resource("hostile/" + kind + ".json"), JsonNode.class);
        assertThat(root.isArray()).as("hostile/%s.json is an array", kind).isTrue();
        List<JsonNode> cases = new ArrayList<>();
        Set<String> names = new HashSet<>();
        root.forEach(c -> {
            assertThat(c.path("case").asText()).as("a case of %s without a name", kind).isNotBlank();
            assertThat(c.has("expect")).as("case %s has no expect", c.path("case").asText()).isTrue();
            assertThat(names.add(c.path("case").asText())).as("case %s twice", c.path("case").asText()).isTrue();
            cases.add(c);
        });
        return cases;
    }

    static Stream<Arguments> cases(String kind) {
        return read(kind).stream().map(c -> Arguments.of(Named.of(c.path("case").asText(), c)));
    }

    /**
     * A text field of a case, with the catalogue's shorthands expanded: {@code {repeat:N:x}} for x repeated N
     * times (huge inputs), {@code {nl}} and {@code {cr}} for line breaks, {@code {nul}} for a NUL.
     */
    static String text(JsonNode c, String field) {
        JsonNode node = c.path(field);
        if (node.isMissingNode() || node.isNull()) {
            return null;
        }
        return expand(node.isTextual() ? node.asText() : node.toString());
    }

    static String expand(String text) {
        StringBuilder out = new StringBuilder();
        int at = 0;
        while (true) {
            int start = text.indexOf("{repeat:", at);
            if (start < 0) {
                out.append(text.substring(at));
                break;
            }
            out.append(text, at, start);
            int colon = text.indexOf(':', start + 8);
            int end = text.indexOf('}', colon);
            int times = Integer.parseInt(text.substring(start + 8, colon));
            out.append(text.substring(colon + 1, end).repeat(times));
            at = end + 1;
        }
        return out.toString().replace("{nl}", "\n").replace("{cr}", "\r").replace("{nul}", "\u0000");
    }
}
