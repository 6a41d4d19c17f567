package io.clearflow.regtech.poll;

import io.clearflow.regtech.RegtechProperties;
import io.clearflow.regtech.item.ItemRepository;
import io.clearflow.regtech.source.Source;
import io.clearflow.regtech.source.SourceRepository;
import java.time.Clock;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Polls every enabled source when its own schedule ({@code poll_minutes}) says it is due, one after
 * the other; a source that fails is recorded and the round goes on. Also applies the retention rule
 * (expired news-like items are archived). Seeded sources are disabled, so an embedded default polls
 * nothing until an administrator enables a source.
 */
@Component
class PollScheduler {

    private static final Logger log = LoggerFactory.getLogger(PollScheduler.class);

    private final SourceRepository sources;
    private final ItemRepository items;
    private final PollService polls;
    private final SourceHealthMetrics metrics;
    private final RegtechProperties properties;
    private final Clock clock;
    private final org.springframework.context.ApplicationEventPublisher events;

    PollScheduler(SourceRepository sources, ItemRepository items, PollService polls, SourceHealthMetrics metrics,
                  RegtechProperties properties, Clock clock, org.springframework.context.ApplicationEventPublisher events) {
        this.events = events;
        this.sources = sources;
        this.items = items;
        this.polls = polls;
        this.metrics = metrics;
        this.properties = properties;
        this.clock = clock;
    }

    @EventListener(ApplicationReadyEvent.class)
    void registerGauges() {
        sources.all().forEach(metrics::track);
    }

    @Scheduled(initialDelayString = "${clearflow.regtech.scheduler-initial-delay:PT1M}", fixedDelayString = "${clearflow.regtech.scheduler-tick:PT1M}")
    void tick() {
        if (!properties.scheduler()) {
            return;
        }
        round(clock.instant());
    }

    /** One round: every due source, each failure contained. Returns how many sources were polled. */
    int round(Instant now) {
        int polled = 0;
        for (Source s : sources.enabled()) {
            if (!s.due(now)) {
                continue;
            }
            try {
                polls.poll(s);
            } catch (RuntimeException e) {
                log.warn("Poll of source {} failed", s.id(), e);
            }
            polled++;
        }
        if (polled > 0) {
            try {
                events.publishEvent(new PollRoundFinished(polled));
            } catch (RuntimeException e) {
                log.warn("Delivering the round's notices failed; they are delivered after the next round", e);
            }
        }
        int archived = items.archiveExpired(now);
        if (archived > 0) {
            log.info("Archived {} expired news-like regulatory items", archived);
        }
        return polled;
    }
}
