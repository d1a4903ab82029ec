package io.shipbridge.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The signature checked against the Standard Webhooks specification's published test vector (the one its reference
 * libraries test themselves with: secret, id, timestamp, payload and the signature they produce), not against our own
 * signer: an HMAC input built consistently wrong on both sides would pass every other webhook test.
 */
class StandardWebhooksVectorTest {
    private static final String SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
    private static final String ID = "msg_p5jXN8AQM9LWM0D4loKWxJek";
    private static final String TIMESTAMP = "1614265330";
    private static final byte[] PAYLOAD = "{\"test\": 2432232314}".getBytes(StandardCharsets.UTF_8);
    private static final String SIGNATURE = "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=";
    private static final Instant SENT = Instant.ofEpochSecond(1614265330L);

    /** The secret as an operator stores it, read by the project's own parsing (whsec_ prefix, base64). */
    private static List<byte[]> keys() {
        return WebhookSecrets.parse("{\"tipsa\": [\"" + SECRET + "\"]}").of("tipsa");
    }

    @Test
    void thePublishedSignatureIsAccepted() {
        WebhookSignature.verify(new WebhookSignature.Headers(ID, TIMESTAMP, SIGNATURE), PAYLOAD, keys(), SENT);
    }

    @Test
    void ourSignerProducesThePublishedSignature() {
        assertThat(WebhookSignature.sign(keys().get(0), ID, Long.parseLong(TIMESTAMP), PAYLOAD)).isEqualTo(SIGNATURE);
    }

    @Test
    void theSignatureIsFoundAmongSeveralAndOtherVersionsAreIgnored() {
        String header = "v1a,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE= v1,Ceo5qEr07ixe2NLpvHk3FH9bwy/WavXrAFQ/9tdO6mc= "
                + SIGNATURE;
        WebhookSignature.verify(new WebhookSignature.Headers(ID, TIMESTAMP, header), PAYLOAD, keys(), SENT);
    }

    @Test
    void aChangedPayloadIdOrTimestampIsRefused() {
        byte[] otherPayload = "{\"test\": 2432232315}".getBytes(StandardCharsets.UTF_8);
        for (WebhookSignature.Headers headers : List.of(new WebhookSignature.Headers(ID, TIMESTAMP, SIGNATURE),
                new WebhookSignature.Headers("msg_p5jXN8AQM9LWM0D4loKWxJel", TIMESTAMP, SIGNATURE),
                new WebhookSignature.Headers(ID, "1614265331", SIGNATURE))) {
            byte[] payload = headers.id().equals(ID) && headers.timestamp().equals(TIMESTAMP) ? otherPayload : PAYLOAD;
            assertThatThrownBy(() -> WebhookSignature.verify(headers, payload, keys(), SENT))
                    .isInstanceOf(WebhookRejectedException.class).hasMessageContaining("signature does not match");
        }
    }

    @Test
    void theSignatureWithoutItsVersionIsRefused() {
        assertThatThrownBy(() -> WebhookSignature.verify(new WebhookSignature.Headers(ID, TIMESTAMP,
                SIGNATURE.substring(3)), PAYLOAD, keys(), SENT)).isInstanceOf(WebhookRejectedException.class);
    }
}
