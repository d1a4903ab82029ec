package io.shipbridge.mirakl;

import com.fasterxml.jackson.databind.JsonNode;
import io.shipbridge.config.Json;

/** Pulls the human message out of a Mirakl error body, whichever of its error shapes it has. */
final class MiraklErrors {
    private static final int LONGEST = 300;

    private MiraklErrors() {
    }

    static String message(String body) {
        if (body == null || body.isBlank()) {
            return "(empty body)";
        }
        try {
            JsonNode json = Json.MAPPER.readTree(body);
            if (json.hasNonNull("message")) {
                return json.get("message").asText();
            }
        } catch (Exception notJson) {
            // An HTML error page or plain text: shown as is, shortened.
        }
        String text = body.strip().replaceAll("\\s+", " ");
        return text.length() > LONGEST ? text.substring(0, LONGEST) + "..." : text;
    }
}
