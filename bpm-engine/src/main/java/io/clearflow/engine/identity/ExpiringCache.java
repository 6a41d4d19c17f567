package io.clearflow.engine.identity;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.LongSupplier;

/**
 * Loaded values kept for a time-to-live. A node drops what it changes itself at once; the
 * time-to-live bounds how long a change made on another node stays unseen here.
 */
final class ExpiringCache<K, V> {

    private record Entry<V>(V value, long loadedAt) { }

    private final Map<K, Entry<V>> entries = new ConcurrentHashMap<>();
    private final long ttlNanos;
    private final LongSupplier nanoTime;

    ExpiringCache(Duration ttl, LongSupplier nanoTime) {
        if (ttl.isNegative()) {
            throw new IllegalArgumentException("a time-to-live cannot be negative: " + ttl);
        }
        this.ttlNanos = ttl.toNanos();
        this.nanoTime = nanoTime;
    }

    V get(K key, Function<K, V> loader) {
        long now = nanoTime.getAsLong();
        Entry<V> entry = entries.get(key);
        if (entry != null && fresh(entry, now)) {
            return entry.value();
        }
        // loaded under the key's lock, so a remove() that comes later cannot be overtaken by an older load
        return entries.compute(key, (k, current) -> current != null && fresh(current, now) ? current
                : new Entry<>(loader.apply(k), now)).value();
    }

    private boolean fresh(Entry<V> entry, long now) {
        return now - entry.loadedAt() < ttlNanos;
    }

    void remove(K key) {
        entries.remove(key);
    }

    void clear() {
        entries.clear();
    }
}
