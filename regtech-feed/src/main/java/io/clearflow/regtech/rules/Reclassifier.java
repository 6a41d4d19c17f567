package io.clearflow.regtech.rules;

import io.clearflow.engine.api.ConflictException;
import io.clearflow.engine.api.Member;
import io.clearflow.engine.api.NotFoundException;
import io.clearflow.regtech.item.Classifier;
import io.clearflow.regtech.item.Item;
import io.clearflow.regtech.item.ItemFilter;
import io.clearflow.regtech.item.ItemRepository;
import io.clearflow.regtech.item.ItemsReclassified;
import io.clearflow.regtech.source.SourceService;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Reclassifies stored items with the dictionary in force, all of them or those of a filter, as a
 * background job with progress. Items are processed in batches of {@value #BATCH}, each batch in its
 * own transaction: the items whose topics or departments change are updated and announced
 * ({@link ItemsReclassified}, which the Kafka outbox publishes). Retention and status stay as they are.
 * One job at a time per node; jobs are kept in memory (a restart ends a job; run it again, it is
 * idempotent).
 */
@Service
public class Reclassifier implements DisposableBean {

    static final int BATCH = 200;
    private static final Logger log = LoggerFactory.getLogger(Reclassifier.class);

    /** What to reclassify: every non-archived item, or those matching the filter's fields. */
    public record Request(String jurisdiction, String organisation, String topic, LocalDate from, LocalDate to) { }

    /** A job's progress. {@code state}: running, done or failed. */
    public record Job(String id, String requestedBy, Request request, Instant startedAt, String state, int total, int done,
                      int changed, Instant finishedAt, String error) { }

    private static final class Progress {
        final String id;
        final String requestedBy;
        final Request request;
        final Instant startedAt;
        final AtomicReference<String> state = new AtomicReference<>("running");
        final AtomicInteger total = new AtomicInteger();
        final AtomicInteger done = new AtomicInteger();
        final AtomicInteger changed = new AtomicInteger();
        volatile Instant finishedAt;
        volatile String error;

        Progress(String id, String requestedBy, Request request, Instant startedAt) {
            this.id = id;
            this.requestedBy = requestedBy;
            this.request = request;
            this.startedAt = startedAt;
        }

        Job view() {
            return new Job(id, requestedBy, request, startedAt, state.get(), total.get(), done.get(), changed.get(), finishedAt, error);
        }
    }

    private final ItemRepository items;
    private final TopicRules rules;
    private final TransactionTemplate transaction;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final Map<String, Progress> jobs = new ConcurrentHashMap<>();
    private final AtomicReference<Progress> running = new AtomicReference<>();
    private final ExecutorService executor = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "regtech-reclassify");
        t.setDaemon(true);
        return t;
    });

    public Reclassifier(ItemRepository items, TopicRules rules, TransactionTemplate transaction, ApplicationEventPublisher events,
                        Clock clock) {
        this.items = items;
        this.rules = rules;
        this.transaction = transaction;
        this.events = events;
        this.clock = clock;
    }

    /** Starts a job (administrators); a second one while one runs is a conflict. */
    public Job start(Member member, Request request) {
        SourceService.checkAdmin(member);
        Request r = request == null ? new Request(null, null, null, null, null) : request;
        // the tracker's filter rules (period order, lengths) apply; it throws InvalidRequestException
        ItemFilter filter = new ItemFilter(null, r.from(), r.to(), r.jurisdiction(), r.organisation(), r.topic(), null, null, 0,
                ItemFilter.MAX_SIZE);
        Progress p = new Progress(UUID.randomUUID().toString(), member.userId(), r, clock.instant());
        if (!running.compareAndSet(null, p)) {
            throw new ConflictException("regtech.error.reclassifyRunning");
        }
        jobs.put(p.id, p);
        executor.submit(() -> run(p, filter));
        return p.view();
    }

    public Job job(Member member, String id) {
        SourceService.checkAdmin(member);
        Progress p = id == null ? null : jobs.get(id);
        if (p == null) {
            throw new NotFoundException("reclassification job", String.valueOf(id));
        }
        return p.view();
    }

    /** The newest job, for the dictionary page. */
    public Optional<Job> latest() {
        return jobs.values().stream().max(java.util.Comparator.comparing(p -> p.startedAt)).map(Progress::view);
    }

    private void run(Progress p, ItemFilter filter) {
        try {
            List<Long> ids = matching(filter);
            p.total.set(ids.size());
            Classifier classifier = rules.classifier();
            for (int from = 0; from < ids.size(); from += BATCH) {
                List<Long> batch = ids.subList(from, Math.min(ids.size(), from + BATCH));
                Integer changed = transaction.execute(status -> reclassify(batch, classifier));
                p.changed.addAndGet(changed == null ? 0 : changed);
                p.done.addAndGet(batch.size());
            }
            p.state.set("done");
        } catch (RuntimeException e) {
            log.warn("Reclassification job {} failed", p.id, e);
            p.error = e.getClass().getSimpleName();
            p.state.set("failed");
        } finally {
            p.finishedAt = clock.instant();
            running.compareAndSet(p, null);
        }
    }

    /** Ids first, then the work: updating topics while paging through a topic filter would shift the pages. */
    private List<Long> matching(ItemFilter f) {
        List<Long> ids = new ArrayList<>();
        for (int page = 0; ; page++) {
            ItemFilter onPage = new ItemFilter(null, f.from(), f.to(), f.jurisdiction(), f.organisation(), f.topic(), null, null, page,
                    ItemFilter.MAX_SIZE);
            List<Item> batch = transaction.execute(status -> items.search(onPage));
            if (batch == null || batch.isEmpty()) {
                break;
            }
            batch.forEach(i -> ids.add(i.id()));
            if (batch.size() < ItemFilter.MAX_SIZE) {
                break;
            }
        }
        return ids;
    }

    private int reclassify(List<Long> batch, Classifier classifier) {
        List<Long> changed = new ArrayList<>();
        Instant now = clock.instant();
        for (Long id : batch) {
            Optional<Item> found = items.find(id);
            if (found.isEmpty()) {
                continue;
            }
            Item item = found.get();
            Classifier.Classification c = classifier.classify(item.title(), item.summary(), item.newsLike(), item.publishedAt(), now);
            // as sets: the same topics in another order is no change worth announcing
            if (!java.util.Set.copyOf(c.topics()).equals(java.util.Set.copyOf(item.topics()))
                    || !java.util.Set.copyOf(c.departments()).equals(java.util.Set.copyOf(item.departments()))) {
                items.updateClassification(id, c.topics(), c.departments());
                changed.add(id);
            }
        }
        if (!changed.isEmpty()) {
            events.publishEvent(new ItemsReclassified(changed));
        }
        return changed.size();
    }

    @Override
    public void destroy() {
        executor.shutdownNow();
    }
}
