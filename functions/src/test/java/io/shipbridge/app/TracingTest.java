package io.shipbridge.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.xray.AWSXRay;
import com.amazonaws.xray.AWSXRayRecorder;
import com.amazonaws.xray.AWSXRayRecorderBuilder;
import com.amazonaws.xray.emitters.Emitter;
import com.amazonaws.xray.entities.Entity;
import com.amazonaws.xray.entities.Segment;
import com.amazonaws.xray.entities.Subsegment;
import io.shipbridge.config.Config;
import io.shipbridge.standins.LocalAws;
import io.shipbridge.testing.TestStack;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A traced function's AWS calls become X-Ray subsegments of its segment; an untraced one records nothing. */
class TracingTest {
    @RegisterExtension
    static final TestStack STACK = new TestStack();

    private final List<Segment> emitted = new CopyOnWriteArrayList<>();
    private final AWSXRayRecorder recorder = AWSXRayRecorderBuilder.standard().withEmitter(new Emitter() {
        @Override
        public boolean sendSegment(Segment segment) {
            emitted.add(segment);
            return true;
        }

        @Override
        public boolean sendSubsegment(Subsegment subsegment) {
            return true;
        }
    }).build();

    @AfterEach
    void restoreTheGlobalRecorder() {
        AWSXRay.setGlobalRecorder(AWSXRayRecorderBuilder.defaultRecorder());
    }

    @Test
    void aTracedFunctionsDynamoDbCallsAreSubsegmentsNamedByServiceAndOperation() {
        AWSXRay.setGlobalRecorder(recorder);
        Components components = components(Map.of("AWS_XRAY_DAEMON_ADDRESS", "127.0.0.1:2000"));

        recorder.beginSegment("FetchOrdersFunction");
        components.orders().find("no-such-order");
        recorder.endSegment();

        assertThat(emitted).hasSize(1);
        List<Subsegment> calls = emitted.get(0).getSubsegments();
        assertThat(calls).extracting(Entity::getName).containsExactly("DynamoDb");
        assertThat(calls.get(0).getAws()).containsEntry("operation", "Query");
    }

    @Test
    void aTracedFunctionsCallsToMiraklAreRemoteSubsegmentsNamedByHostWithTheStatus() {
        AWSXRay.setGlobalRecorder(recorder);
        STACK.mirakl().carriers("{\"carriers\": []}");
        Components components = components(Map.of("AWS_XRAY_DAEMON_ADDRESS", "127.0.0.1:2000"));

        recorder.beginSegment("PushTrackingFunction");
        components.mirakl().carriers();
        recorder.endSegment();

        Subsegment mirakl = emitted.get(0).getSubsegments().stream()
                .filter(s -> s.getName().equals(java.net.URI.create(STACK.mirakl().baseUrl()).getHost()))
                .findFirst().orElseThrow();
        assertThat(mirakl.getNamespace()).isEqualTo("remote");
        assertThat(mirakl.getHttp().get("request")).asString().contains("GET").contains("/api/shipping/carriers");
        assertThat(mirakl.getHttp().get("response")).isEqualTo(Map.of("status", 200));
    }

    @Test
    void anUntracedFunctionRecordsNothing() {
        AWSXRay.setGlobalRecorder(recorder);
        Components components = components(Map.of());

        recorder.beginSegment("FetchOrdersFunction");
        components.orders().find("no-such-order");
        recorder.endSegment();

        assertThat(emitted).hasSize(1);
        assertThat(emitted.get(0).getSubsegments()).isEmpty();
    }

    private static Components components(Map<String, String> extra) {
        Map<String, String> settings = new HashMap<>(STACK.settings());
        settings.putAll(extra);
        return new Components(Config.of(settings), LocalAws.CREDENTIALS, Clock.systemUTC(), duration -> { });
    }
}
