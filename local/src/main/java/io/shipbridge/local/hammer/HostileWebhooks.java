package io.shipbridge.local.hammer;

import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.function.BiFunction;
import java.util.random.RandomGenerator;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * What someone without a carrier's secret can send to the webhook route: unsigned, badly signed, stale, oversized,
 * malformed. None of them may change anything but the refusal counters.
 */
final class HostileWebhooks {
    /** A kind of request, made for a carrier at a time. */
    record Kind(String name, BiFunction<String, Instant, HttpRequest> make) {
    }

    private static final String BODY = "{\"tracking_number\":\"0128346565\",\"events\":[{\"code\":\"3\","
            + "\"description\":\"Entregado\",\"occurred_at\":\"%s\"}]}";

    private final URI api;
    private final RandomGenerator random;

    HostileWebhooks(URI api, RandomGenerator random) {
        this.api = api;
        this.random = random;
    }

    List<Kind> kinds() {
        return List.of(
                new Kind("unsigned", (carrier, now) -> post(carrier, body(now)).build()),
                new Kind("signature missing", (carrier, now) -> post(carrier, body(now)).header("webhook-id", id())
                        .header("webhook-timestamp", Long.toString(now.getEpochSecond())).build()),
                new Kind("signed with a guessed secret", (carrier, now) -> signed(carrier, now, body(now),
                        now.getEpochSecond())),
                new Kind("signed an hour ago", (carrier, now) -> signed(carrier, now, body(now),
                        now.minus(Duration.ofHours(1)).getEpochSecond())),
                new Kind("timestamp of 20 digits", (carrier, now) -> post(carrier, body(now)).header("webhook-id", id())
                        .header("webhook-timestamp", "99999999999999999999").header("webhook-signature", "v1,AAAA")
                        .build()),
                new Kind("timestamp in words", (carrier, now) -> post(carrier, body(now)).header("webhook-id", id())
                        .header("webhook-timestamp", "yesterday").header("webhook-signature", "v1,AAAA").build()),
                new Kind("signature not base64", (carrier, now) -> post(carrier, body(now)).header("webhook-id", id())
                        .header("webhook-timestamp", Long.toString(now.getEpochSecond()))
                        .header("webhook-signature", "v1,!!!").build()),
                new Kind("unknown carrier", (carrier, now) -> signed("dhl", now, body(now), now.getEpochSecond())),
                new Kind("body of 70 KiB", (carrier, now) -> post(carrier, "x".repeat(70 * 1024)).build()),
                new Kind("header of 2,000 characters", (carrier, now) -> post(carrier, body(now))
                        .header("webhook-id", "m".repeat(2000)).header("webhook-timestamp",
                                Long.toString(now.getEpochSecond())).header("webhook-signature", "v1,AAAA").build()),
                new Kind("body not UTF-8", (carrier, now) -> HttpRequest.newBuilder(route(carrier))
                        .header("Content-Type", "application/json").header("webhook-id", id())
                        .header("webhook-timestamp", Long.toString(now.getEpochSecond()))
                        .header("webhook-signature", "v1,AAAA")
                        .POST(HttpRequest.BodyPublishers.ofByteArray(new byte[] {(byte) 0xfe, (byte) 0xff, 0, 1}))
                        .build()),
                new Kind("empty", (carrier, now) -> post(carrier, "").build()));
    }

    private HttpRequest.Builder post(String carrier, String body) {
        return HttpRequest.newBuilder(route(carrier)).timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
    }

    private HttpRequest signed(String carrier, Instant now, String body, long timestamp) {
        String id = id();
        byte[] guessed = new byte[24];
        random.nextBytes(guessed);
        return post(carrier, body).header("webhook-id", id).header("webhook-timestamp", Long.toString(timestamp))
                .header("webhook-signature", "v1," + hmac(guessed, id + "." + timestamp + "." + body)).build();
    }

    private URI route(String carrier) {
        return URI.create(api + "/api/v1/carriers/" + carrier + "/webhook");
    }

    private String id() {
        return "msg_" + Long.toHexString(random.nextLong());
    }

    private static String body(Instant now) {
        return BODY.formatted(now);
    }

    private static String hmac(byte[] key, String content) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return Base64.getEncoder().encodeToString(mac.doFinal(content.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
