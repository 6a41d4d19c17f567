package io.clearflow.regtech.poll;

import io.clearflow.engine.api.Member;
import io.clearflow.regtech.fetch.FeedFetcher;
import io.clearflow.regtech.fetch.FetchException;
import io.clearflow.regtech.fetch.Fetched;
import io.clearflow.regtech.parse.DocumentReader;
import io.clearflow.regtech.parse.FeedParseException;
import io.clearflow.regtech.parse.HtmlListReader;
import io.clearflow.regtech.parse.ParsedFeed;
import io.clearflow.regtech.parse.ParsedItem;
import io.clearflow.regtech.source.Source;
import io.clearflow.regtech.source.SourceRepository;
import io.clearflow.regtech.source.SourceService;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * One poll of one source: fetch (conditionally, behind the guard), read the whole document, store
 * its items, record the source's health. Every failure ends as {@code status: error} with the reason
 * on the source; nothing of a refused document is stored, and one source's failure never touches
 * another's poll.
 */
@Service
public class PollService {

    private static final Logger log = LoggerFactory.getLogger(PollService.class);

    private final SourceRepository sources;
    private final SourceService sourceService;
    private final FeedFetcher fetcher;
    private final ItemStore store;
    private final SourceHealthMetrics metrics;
    private final Clock clock;
    private final DocumentReader reader = new DocumentReader();
    private final org.springframework.context.ApplicationEventPublisher events;

    public PollService(SourceRepository sources, SourceService sourceService, FeedFetcher fetcher, ItemStore store,
                       SourceHealthMetrics metrics, Clock clock, org.springframework.context.ApplicationEventPublisher events) {
        this.events = events;
        this.sources = sources;
        this.sourceService = sourceService;
        this.fetcher = fetcher;
        this.store = store;
        this.metrics = metrics;
        this.clock = clock;
    }

    /** Polls now on a member's request (administrators and compliance). */
    public PollResult poll(Member member, long sourceId) {
        SourceService.checkOperator(member);
        PollResult result = poll(sourceService.get(sourceId));
        events.publishEvent(new PollRoundFinished(1));
        return result;
    }

    /** Fetches and reads without storing: what a poll would add (administrators). */
    public PollResult test(Member member, long sourceId) {
        SourceService.checkAdmin(member);
        Source source = sourceService.get(sourceId);
        try {
            Fetched fetched = fetcher.fetch(URI.create(source.url()), null, null);
            ParsedFeed feed = read(source, fetched);
            List<ItemStore.Fate> fates = store.plan(source, feed.items());
            List<ParsedItem> fresh = new ArrayList<>();
            int dup = 0;
            int clustered = 0;
            for (int i = 0; i < fates.size(); i++) {
                switch (fates.get(i)) {
                    case NEW -> fresh.add(feed.items().get(i));
                    case DUPLICATE -> dup++;
                    case CLUSTERED -> clustered++;
                }
            }
            return new PollResult("ok", fresh.size(), dup, clustered,
                    feed.items().size() + " items read; nothing stored (test fetch)", fresh);
        } catch (FetchException e) {
            return PollResult.error(e.getMessage(), e.key(), e.args());
        } catch (FeedParseException e) {
            return PollResult.error(e.getMessage(), e.key(), e.args());
        }
    }

    /** Polls a source (the scheduler's entry point; no member check). */
    public PollResult poll(Source source) {
        Instant now = clock.instant();
        try {
            Fetched fetched = fetcher.fetch(URI.create(source.url()), source.etag(), source.lastModified());
            if (fetched.notModified()) {
                sources.recordSuccess(source.id(), now, fetched.etag(), fetched.lastModified(), 0, 0);
                metrics.polled(source, "not-modified", 0);
                return new PollResult("ok", 0, 0, 0, "not modified since the last poll", List.of());
            }
            ParsedFeed feed = read(source, fetched);
            int[] counts = store.store(source, feed.items(), now);
            sources.recordSuccess(source.id(), now, fetched.etag(), fetched.lastModified(), feed.items().size(), counts[0]);
            metrics.polled(source, "ok", counts[0]);
            String message = feed.items().size() + " items read: " + counts[0] + " new, " + counts[1] + " already known"
                    + (counts[2] > 0 ? ", " + counts[2] + " linked to the same announcement from another source" : "");
            return new PollResult("ok", counts[0], counts[1], counts[2], message, List.of());
        } catch (FetchException e) {
            return failed(source, now, e.getMessage(), e.key(), e.args());
        } catch (FeedParseException e) {
            return failed(source, now, e.getMessage(), e.key(), e.args());
        } catch (RuntimeException e) {
            log.warn("Polling source {} failed unexpectedly", source.id(), e);
            String detail = e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
            return failed(source, now, "unexpected error: " + detail, "regtech.poll.error.unexpected", new Object[] {detail});
        }
    }

    private PollResult failed(Source source, Instant now, String message, String key, Object[] args) {
        sources.recordFailure(source.id(), now, message, key,
                java.util.Arrays.stream(args).map(String::valueOf).toList());
        metrics.polled(source, "error", 0);
        return PollResult.error(message, key, args);
    }

    private ParsedFeed read(Source source, Fetched fetched) throws FeedParseException {
        return reader.read(source.kind(), fetched.body(), fetched.contentType(), source.encoding(), fetched.finalUrl(),
                ZoneId.of(source.zone()), new HtmlListReader.Selectors(source.itemSelector(), source.titleSelector(),
                        source.linkSelector(), source.dateSelector(), source.datePattern()));
    }
}
