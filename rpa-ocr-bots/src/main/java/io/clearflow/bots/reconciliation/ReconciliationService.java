package io.clearflow.bots.reconciliation;

import io.clearflow.bots.documents.DocumentExtractor;
import io.clearflow.bots.documents.DocumentRejectedException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The reconciliation bot's work, as a plain service a scheduled bot calls: {@link #runOnce()} fetches every waiting
 * statement, drops duplicates by content hash (in this batch and against the platform, before any OCR), classifies
 * and extracts, reconciles against the platform's record and hands each result to people through the platform,
 * which opens the confirmation task. Documents are worked on in parallel, one per core.
 */
public class ReconciliationService {

    private static final Logger log = LoggerFactory.getLogger(ReconciliationService.class);

    private final StatementSource source;
    private final DocumentExtractor extractor;
    private final Reconciler reconciler;
    private final PlatformClient platform;
    private final int threads;
    private final Clock clock;

    public ReconciliationService(StatementSource source, DocumentExtractor extractor, PlatformClient platform, int threads,
                                 Clock clock) {
        this.source = source;
        this.extractor = extractor;
        this.reconciler = new Reconciler(extractor.types());
        this.platform = platform;
        this.threads = Math.max(1, threads);
        this.clock = clock;
    }

    /** One outcome per fetched document. */
    private record Outcome(Reconciliation.Status status, boolean duplicate, String error) { }

    public synchronized ReconciliationRun runOnce() {
        Instant started = clock.instant();
        List<IncomingDocument> documents = source.fetch();
        Set<String> seen = Collections.synchronizedSet(new HashSet<>());
        List<Outcome> outcomes = new ArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<Outcome>> futures = new ArrayList<>();
            for (IncomingDocument d : documents) {
                futures.add(pool.submit(() -> handle(d, seen)));
            }
            for (Future<Outcome> f : futures) {
                try {
                    outcomes.add(f.get());
                } catch (Exception e) {
                    outcomes.add(new Outcome(null, false, String.valueOf(e.getCause())));
                }
            }
        } finally {
            pool.shutdownNow();
        }
        Map<Reconciliation.Status, Integer> byStatus = new EnumMap<>(Reconciliation.Status.class);
        List<String> errors = new ArrayList<>();
        int duplicates = 0;
        for (Outcome o : outcomes) {
            if (o.error() != null) {
                errors.add(o.error());
            } else if (o.duplicate()) {
                duplicates++;
            } else {
                byStatus.merge(o.status(), 1, Integer::sum);
            }
        }
        int submitted = byStatus.values().stream().mapToInt(Integer::intValue).sum();
        int matched = byStatus.getOrDefault(Reconciliation.Status.MATCHED, 0);
        var run = new ReconciliationRun(started, clock.instant(), source.describe(), documents.size(), duplicates, submitted,
                matched, submitted - matched, byStatus, errors);
        log.info("reconciliation run: {} fetched, {} duplicates, {} submitted ({} matched), {} errors",
                run.fetched(), run.duplicates(), run.submitted(), run.matched(), errors.size());
        return run;
    }

    private Outcome handle(IncomingDocument document, Set<String> seen) {
        String hash = document.contentHash();
        try {
            if (!seen.add(hash) || platform.alreadySubmitted(hash)) {
                source.acknowledge(document);
                return new Outcome(null, true, null);
            }
            Reconciliation result;
            byte[] preview = null;
            try {
                DocumentExtractor.Result extracted = extractor.extractWithPreview(document.content(), true);
                preview = extracted.previewPng();
                var e = extracted.extraction();
                Optional<String> key = reconciler.recordKey(e);
                Map<String, String> record = key.flatMap(k -> platform.record(e.type(), k)).orElse(null);
                result = reconciler.reconcile(hash, document.name(), e, key.orElse(null), record);
            } catch (DocumentRejectedException e) {
                result = Reconciler.rejected(hash, document.name(), e.reason() + ": " + e.getMessage());
            }
            Optional<Long> id = platform.submit(result, preview);
            source.acknowledge(document);
            return id.isPresent() ? new Outcome(result.status(), false, null) : new Outcome(null, true, null);
        } catch (RuntimeException e) {
            // left in the source: the next run tries again, and the hash keeps it from being done twice
            log.warn("reconciliation of {} failed: {}", document.name(), e.getMessage());
            return new Outcome(null, false, document.name() + ": " + e.getMessage());
        }
    }
}
