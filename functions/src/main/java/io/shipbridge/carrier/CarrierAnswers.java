package io.shipbridge.carrier;

import com.fasterxml.jackson.databind.JsonNode;
import io.shipbridge.config.Json;
import java.io.IOException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reading carriers' JSON answers: what is not a JSON object is a proxy's or gateway's page, not the carrier's answer. */
public final class CarrierAnswers {
    private static final int QUOTED = 80;
    private static final Pattern TITLE = Pattern.compile("(?is)<title[^>]*>(.*?)</title>");
    private static final Pattern TAG = Pattern.compile("<[^>]*>|<!\\[CDATA\\[|]]>");
    private static final Pattern MARKUP = Pattern.compile("(?i)\\s*<(!doctype|html|\\?xml|head|body)");

    private CarrierAnswers() {
    }

    /** @throws CarrierUnavailableException describing the body, when it is not a JSON object */
    public static JsonNode jsonObject(String carrier, String body) {
        try {
            JsonNode root = body == null ? null : Json.MAPPER.readTree(body);
            if (root != null && root.isObject()) {
                return root;
            }
        } catch (IOException notJson) {
            // reported below, with what came
        }
        throw new CarrierUnavailableException(carrier, "answer is not JSON: " + describe(body), null);
    }

    /**
     * What an unexpected answer was, for a reason an operator reads: its size and an HTML page's title, or the start
     * of any other text, at most {@value #QUOTED} characters on one line. Never more: an error page may echo the
     * request it failed on (our credentials, the customer's address) further down.
     */
    public static String describe(String body) {
        if (body == null || body.isBlank()) {
            return "an empty body";
        }
        String strip = body.strip();
        String size = body.length() + " characters";
        if (MARKUP.matcher(strip).lookingAt()) {
            Matcher title = TITLE.matcher(strip);
            return "an HTML or XML page of " + size + (title.find() ? ", titled '" + oneLine(title.group(1)) + "'"
                    : ", reading '" + oneLine(TAG.matcher(strip).replaceAll(" ")) + "'");
        }
        return size + " starting '" + oneLine(strip) + "'";
    }

    private static String oneLine(String text) {
        String flat = text.replaceAll("[\\p{Cntrl}\\s]+", " ").strip();
        return flat.length() > QUOTED ? flat.substring(0, QUOTED) + "..." : flat;
    }
}
