package io.shipbridge.carrier;

import com.fasterxml.jackson.databind.JsonNode;
import io.shipbridge.config.Json;
import java.io.IOException;

/** Reading carriers' JSON answers: what is not a JSON object is a proxy's or gateway's page, not the carrier's answer. */
public final class CarrierAnswers {
    private static final int QUOTED = 120;

    private CarrierAnswers() {
    }

    /** @throws CarrierUnavailableException quoting the start of the body, when it is not a JSON object */
    public static JsonNode jsonObject(String carrier, String body) {
        try {
            JsonNode root = body == null ? null : Json.MAPPER.readTree(body);
            if (root != null && root.isObject()) {
                return root;
            }
        } catch (IOException notJson) {
            // reported below, with the start of what came
        }
        String start = body == null ? "" : body.strip();
        throw new CarrierUnavailableException(carrier, "answer is not JSON: "
                + (start.length() > QUOTED ? start.substring(0, QUOTED) + "..." : start), null);
    }
}
