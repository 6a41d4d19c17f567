package io.clearflow.engine.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The token bucket, worked by hand: 2 per second, a burst of 3, on a clock the test moves. */
class ApiRateLimitTest {

    final AtomicLong nanos = new AtomicLong();
    final ApiRateLimit limit = new ApiRateLimit(2, 3, nanos::get);

    @Test
    void aBurstThenTheSustainedRatePerClient() {
        assertThat(limit.take("a")).isEmpty();
        assertThat(limit.take("a")).isEmpty();
        assertThat(limit.take("a")).isEmpty();
        assertThat(limit.take("a")).contains(Duration.ofMillis(500)); // one token comes back every 0.5 s
        assertThat(limit.take("b")).as("another client has its own bucket").isEmpty();
        nanos.addAndGet(Duration.ofMillis(250).toNanos());
        assertThat(limit.take("a")).contains(Duration.ofMillis(250));
        nanos.addAndGet(Duration.ofMillis(250).toNanos());
        assertThat(limit.take("a")).isEmpty();
        nanos.addAndGet(Duration.ofSeconds(10).toNanos());
        for (int i = 0; i < 3; i++) {
            assertThat(limit.take("a")).as("refilled to the burst, not beyond").isEmpty();
        }
        assertThat(limit.take("a")).isPresent();
    }

    @Test
    void nonsenseSettingsAreRefused() {
        assertThatThrownBy(() -> new ApiRateLimit(0, 3, nanos::get)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ApiRateLimit(1, 0, nanos::get)).isInstanceOf(IllegalArgumentException.class);
    }
}
