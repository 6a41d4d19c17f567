package io.clearflow.engine.security;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * A token bucket per API client: {@code burst} requests at once, refilled at {@code perSecond}. A client is the signed-in
 * user (token or password) or, before sign-in, its address. Spring-free; the nanosecond clock is given.
 */
class ApiRateLimit {

    private final double perSecond;
    private final double burst;
    private final LongSupplier nanos;
    private final Map<String, double[]> buckets = new ConcurrentHashMap<>(); // [tokens, last refill in nanos]

    public ApiRateLimit(double perSecond, int burst, LongSupplier nanos) {
        if (perSecond <= 0 || burst < 1) {
            throw new IllegalArgumentException("the API rate limit needs a positive rate and a burst of at least 1");
        }
        this.perSecond = perSecond;
        this.burst = burst;
        this.nanos = nanos;
    }

    /** Takes one request from the client's bucket: empty when it may go ahead, else how long until it may. */
    public Optional<Duration> take(String client) {
        long now = nanos.getAsLong();
        double[] wait = new double[1];
        buckets.compute(client, (k, b) -> {
            double[] bucket = b == null ? new double[] {burst, now} : b;
            double tokens = Math.min(burst, bucket[0] + (now - (long) bucket[1]) / 1e9 * perSecond);
            if (tokens >= 1) {
                return new double[] {tokens - 1, now};
            }
            wait[0] = (1 - tokens) / perSecond;
            return new double[] {tokens, now};
        });
        return wait[0] > 0 ? Optional.of(Duration.ofNanos((long) Math.ceil(wait[0] * 1e9))) : Optional.empty();
    }
}
