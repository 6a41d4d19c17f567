package io.clearflow.engine.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The org cache's expiry, on a hand-driven clock: kept while fresh, read again when stale or dropped. */
class ExpiringCacheTest {

    private final AtomicLong now = new AtomicLong();
    private final AtomicInteger loads = new AtomicInteger();
    private final ExpiringCache<String, String> cache = new ExpiringCache<>(Duration.ofSeconds(30), now::get);

    private String load(String key) {
        return key + "#" + loads.incrementAndGet();
    }

    @Test
    void aValueIsKeptForItsTimeToLiveAndReadAgainAfter() {
        assertThat(cache.get("lisi", this::load)).isEqualTo("lisi#1");
        now.addAndGet(Duration.ofSeconds(29).toNanos());
        assertThat(cache.get("lisi", this::load)).isEqualTo("lisi#1");
        now.addAndGet(Duration.ofSeconds(1).toNanos());
        assertThat(cache.get("lisi", this::load)).as("a change made on another node is seen after 30 s").isEqualTo("lisi#2");
    }

    @Test
    void aDroppedValueIsReadAgainAtOnce() {
        cache.get("lisi", this::load);
        cache.get("hegui", this::load);
        cache.remove("lisi");
        assertThat(cache.get("lisi", this::load)).isEqualTo("lisi#3");
        assertThat(cache.get("hegui", this::load)).isEqualTo("hegui#2");
        cache.clear();
        assertThat(cache.get("hegui", this::load)).isEqualTo("hegui#4");
    }

    @Test
    void aZeroTimeToLiveReadsEveryTimeAndANegativeOneIsRefused() {
        var uncached = new ExpiringCache<String, String>(Duration.ZERO, now::get);
        assertThat(uncached.get("lisi", this::load)).isEqualTo("lisi#1");
        assertThat(uncached.get("lisi", this::load)).isEqualTo("lisi#2");
        assertThatThrownBy(() -> new ExpiringCache<String, String>(Duration.ofSeconds(-1), now::get))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
