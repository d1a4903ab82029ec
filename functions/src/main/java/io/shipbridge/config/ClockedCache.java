package io.shipbridge.config;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import software.amazon.lambda.powertools.parameters.cache.CacheManager;

/**
 * Powertools' parameter cache, its entries aged on the function's clock: Powertools' own stamps each entry with the
 * system clock whatever clock the provider reads, so on any other clock (the offline cloud's simulated time) a value
 * would never, or at once, be too old.
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

    @Override
    @SuppressWarnings("unchecked")
    public <T> Optional<T> getIfNotExpired(String key, Instant now) {
        Entry entry = entries.get(key);
        return entry == null || !now.isBefore(entry.expires()) ? Optional.empty() : Optional.of((T) entry.value());
    }

    @Override
    public <T> void putInCache(String key, T value) {
        entries.put(key, new Entry(value, clock.instant().plus(maxAge)));
    }
}
