package io.clearflow.engine.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

/** The throttle's arithmetic, worked by hand on a clock the test moves. */
class LoginThrottleTest {

    static final class MovableClock extends Clock {
        Instant now = Instant.parse("2026-12-06T08:00:00Z");

        void advance(Duration d) {
            now = now.plus(d);
        }

        @Override public ZoneId getZone() { return ZoneId.of("UTC"); }
        @Override public Clock withZone(ZoneId zone) { return this; }
        @Override public Instant instant() { return now; }
    }

    final MovableClock clock = new MovableClock();
    // 3 free failures, lock at 6, an address at 8; window and lock 15 minutes
    final LoginThrottle throttle = new LoginThrottle(
            new LoginThrottle.Limits(3, 6, 8, Duration.ofMinutes(15), Duration.ofMinutes(15)), clock);

    @Test
    void threeFreeFailuresThenDoublingWaitsThenALockThatExpires() {
        for (int i = 0; i < 3; i++) {
            assertThat(throttle.failed("zhangsan", "10.0.0.1")).isEqualTo(LoginThrottle.Verdict.COUNTED);
            assertThat(throttle.waitBefore("zhangsan", "10.0.0.1")).isEmpty();
        }
        throttle.failed("zhangsan", "10.0.0.1");                      // 4th: wait 1 s
        assertThat(throttle.waitBefore("zhangsan", "10.0.0.1")).contains(Duration.ofSeconds(1));
        assertThat(throttle.waitBefore("ZhangSan ", "10.0.0.9")).as("names are matched case-blind").contains(Duration.ofSeconds(1));
        clock.advance(Duration.ofSeconds(1));
        assertThat(throttle.waitBefore("zhangsan", "10.0.0.1")).isEmpty();
        throttle.failed("zhangsan", "10.0.0.1");                      // 5th: wait 2 s
        clock.advance(Duration.ofMillis(500));
        assertThat(throttle.waitBefore("zhangsan", "10.0.0.1")).contains(Duration.ofMillis(1500));
        clock.advance(Duration.ofMillis(1500));
        assertThat(throttle.failed("zhangsan", "10.0.0.1")).isEqualTo(LoginThrottle.Verdict.LOCKED); // 6th: locked
        assertThat(throttle.waitBefore("zhangsan", "10.0.0.2")).contains(Duration.ofMinutes(15));
        assertThat(throttle.waitBefore("lisi", "10.0.0.2")).as("another name from another address").isEmpty();

        clock.advance(Duration.ofMinutes(15));
        assertThat(throttle.waitBefore("zhangsan", "10.0.0.2")).as("the lock has expired").isEmpty();
        assertThat(throttle.failed("zhangsan", "10.0.0.2")).as("counting starts afresh").isEqualTo(LoginThrottle.Verdict.COUNTED);
        assertThat(throttle.waitBefore("zhangsan", "10.0.0.2")).isEmpty();
    }

    @Test
    void aCorrectPasswordClearsTheNameButNotTheAddress() {
        for (int i = 0; i < 5; i++) {
            throttle.failed("lisi", "10.0.0.3");
            clock.advance(Duration.ofSeconds(10));
        }
        throttle.succeeded("lisi");
        assertThat(throttle.waitBefore("lisi", null)).isEmpty();
        throttle.failed("wangwu", "10.0.0.3");
        throttle.failed("zhaoliu", "10.0.0.3");
        throttle.failed("zhouba", "10.0.0.3");
        // eight failures from one address, whatever the names: the address is locked
        assertThat(throttle.waitBefore("sunqi", "10.0.0.3")).contains(Duration.ofMinutes(15));
        assertThat(throttle.waitBefore("sunqi", "10.0.0.4")).isEmpty();
    }

    @Test
    void failuresOlderThanTheWindowAreForgotten() {
        for (int i = 0; i < 5; i++) {
            throttle.failed("hegui", null);
        }
        clock.advance(Duration.ofMinutes(16));
        assertThat(throttle.waitBefore("hegui", null)).isEmpty();
        assertThat(throttle.failed("hegui", null)).isEqualTo(LoginThrottle.Verdict.COUNTED);
        assertThat(throttle.waitBefore("hegui", null)).isEmpty();
    }
}
