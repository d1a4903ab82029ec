package io.shipbridge.local.cost;

import com.fasterxml.jackson.databind.JsonNode;
import io.shipbridge.config.Json;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** The dated {@code prices.json} kept beside these classes, read once: prices, Lambda's CPU share, typical waits. */
final class PricesFile {
    private static final JsonNode CONTENT = load();

    private PricesFile() {
    }

    static JsonNode content() {
        return CONTENT;
    }

    private static JsonNode load() {
        try (InputStream in = PricesFile.class.getResourceAsStream("prices.json")) {
            return Json.MAPPER.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
