package io.clearflow.engine.idempotency;

import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Deletes expired keys, so the table holds about one retention period of requests. Any node may run it. */
@Component
class IdempotencyCleanup {

    private static final Logger log = LoggerFactory.getLogger(IdempotencyCleanup.class);

    private final IdempotencyRepository keys;
    private final Clock clock;

    IdempotencyCleanup(IdempotencyRepository keys, Clock clock) {
        this.keys = keys;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${clearflow.idempotency.cleanup-interval:15m}", initialDelayString = "1m")
    void scheduled() {
        try {
            deleteExpired();
        } catch (RuntimeException e) {
            log.warn("Expired idempotency keys not deleted, next round will: {}", e.getMessage());
        }
    }

    int deleteExpired() {
        int deleted = keys.deleteExpired(clock.instant());
        if (deleted > 0) {
            log.info("Deleted {} expired idempotency keys", deleted);
        }
        return deleted;
    }
}
