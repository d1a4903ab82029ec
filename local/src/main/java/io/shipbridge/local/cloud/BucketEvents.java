package io.shipbridge.local.cloud;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.shipbridge.config.Json;
import io.shipbridge.local.time.SimulatedTime;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * S3 sending "Object Created" events to EventBridge, for buckets that enable it: the buckets are looked at every
 * simulated minute (and when asked), under the key prefixes the rules watch only (a bucket full of labels is not
 * listed 50 times a second for a rule about catalog uploads), and each object new or changed since (by ETag) becomes
 * an event that the rules whose pattern it matches deliver to their function, asynchronously and with EventBridge's
 * two retries. So a file put by any client (the AWS CLI included) reaches its function, as in AWS. LocalStack's tests
 * use it too, in front of the deployed functions, rather than wait on LocalStack's own delivery.
 */
public final class BucketEvents implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(BucketEvents.class);
    private static final int ATTEMPTS = 3;

    private final S3Client s3;
    private final SimulatedTime time;
    private final String region;
    private final String account;
    private final Map<String, Map<String, String>> seen = new ConcurrentHashMap<>();
    private final List<Rule> rules = new CopyOnWriteArrayList<>();
    private SimulatedTime.Timer timer;

    /** A rule: its name, its pattern and the function it invokes. */
    private record Rule(String name, EventPattern pattern, FunctionTarget target) {
    }

    public BucketEvents(S3Client s3, SimulatedTime time, String region, String account) {
        this.s3 = s3;
        this.time = time;
        this.region = region;
        this.account = account;
    }

    /** Starts sending events for the bucket's objects created from now on. */
    public void watch(String bucket) {
        seen.put(bucket, new ConcurrentHashMap<>(listing(bucket)));
        if (timer == null) {
            timer = time.every(Duration.ofMinutes(1), this::scan);
        }
    }

    public void rule(String name, EventPattern pattern, FunctionTarget target) {
        rules.add(new Rule(name, pattern, target));
    }

    /** Looks at the buckets now and delivers the events of what changed; returns when every delivery is done. */
    public synchronized void scan() {
        List<String> prefixes = watchedPrefixes();
        seen.forEach((bucket, known) -> {
            Map<String, String> objects = new ConcurrentHashMap<>();
            prefixes.forEach(prefix -> objects.putAll(listing(bucket, prefix)));
            objects.forEach((key, etag) -> {
                if (!etag.equals(known.put(key, etag))) {
                    deliver(event(bucket, key, etag));
                }
            });
        });
    }

    /** The prefixes the rules watch; the whole bucket ("") when a rule may match any key. */
    private List<String> watchedPrefixes() {
        List<String> prefixes = new ArrayList<>();
        for (Rule rule : rules) {
            Optional<List<String>> ruled = rule.pattern().keyPrefixes();
            if (ruled.isEmpty()) {
                return List.of("");
            }
            prefixes.addAll(ruled.get());
        }
        return prefixes;
    }

    private Map<String, String> listing(String bucket) {
        return listing(bucket, "");
    }

    private Map<String, String> listing(String bucket, String prefix) {
        Map<String, String> objects = new ConcurrentHashMap<>();
        for (S3Object object : s3.listObjectsV2Paginator(l -> l.bucket(bucket).prefix(prefix)).contents()) {
            objects.put(object.key(), object.eTag());
        }
        return objects;
    }

    private ObjectNode event(String bucket, String key, String etag) {
        ObjectNode event = Json.MAPPER.createObjectNode().put("version", "0").put("id", UUID.randomUUID().toString())
                .put("detail-type", "Object Created").put("source", "aws.s3").put("account", account)
                .put("time", time.instant().toString()).put("region", region);
        event.putArray("resources").add("arn:aws:s3:::" + bucket);
        ObjectNode detail = event.putObject("detail").put("version", "0");
        detail.putObject("bucket").put("name", bucket);
        detail.putObject("object").put("key", key).put("etag", etag.replace("\"", ""));
        detail.put("reason", "PutObject");
        return event;
    }

    private void deliver(ObjectNode event) {
        byte[] payload = event.toString().getBytes(StandardCharsets.UTF_8);
        for (Rule rule : rules) {
            if (!rule.pattern().matches(event)) {
                continue;
            }
            for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
                try {
                    rule.target().invoke(payload);
                    break;
                } catch (FunctionError e) {
                    LOG.warn("Rule {}: {} failed on attempt {} of {}: {}", rule.name(), rule.target().name(), attempt,
                            ATTEMPTS, e.getMessage());
                }
            }
        }
    }

    @Override
    public void close() {
        if (timer != null) {
            timer.cancel();
        }
    }
}
