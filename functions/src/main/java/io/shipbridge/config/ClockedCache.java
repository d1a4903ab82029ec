package io.shipbridge.config;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import software.amazon.lambda.powertools.parameters.cache.CacheManager;

/**
 * Powertools' parameters cache with one clock: a value expires {@code maxAge} after {@code clock} says it was put.
 * Powertools' own cache stamps a value with the system clock and checks it against the provider's, so no clock a test
 * moves can age it.
 */
final class ClockedCache extends CacheManager {
    private record Entry(Object value, Instant expires) {
    }

    private final Map<String, Entry> entries = new ConcurrentHashMap<>();
    private final Clock clock;
    private final Duration maxAge;

    ClockedCache(Clock clock, Duration maxAge) {
        this.clock = clock;
        this.maxAge = maxAge;
    }

    /** Fresh until strictly after its expiry, as Powertools' own cache has it. */
    @Override
    @SuppressWarnings("unchecked")
    public <T> Optional<T> getIfNotExpired(String key, Instant now) {
        Entry entry = entries.get(key);
        return entry == null || now.isAfter(entry.expires()) ? Optional.empty() : Optional.of((T) entry.value());
    }

    @Override
    public <T> void putInCache(String key, T value) {
        entries.put(key, new Entry(value, clock.instant().plus(maxAge)));
    }

    /** A per-call max age ({@code withMaxAge}) would be ignored here: refused rather than silently dropped. */
    @Override
    public void setExpirationTime(Duration duration) {
        throw new UnsupportedOperationException("Secrets are kept for the cache's max age: " + maxAge);
    }
}
