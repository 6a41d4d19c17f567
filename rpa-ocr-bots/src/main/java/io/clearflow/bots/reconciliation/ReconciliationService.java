package io.clearflow.bots.reconciliation;

import io.clearflow.bots.documents.DocumentExtractor;
import io.clearflow.bots.documents.DocumentRejectedException;
import io.clearflow.bots.documents.OcrStatus;
import io.clearflow.bots.documents.OcrUnavailableException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The reconciliation bot's work, as a plain service the scheduled {@link ReconciliationBot} calls: {@link #runOnce()} fetches every waiting
 * statement, drops duplicates by content hash (in this batch and against the platform, before any OCR), classifies
 * and extracts, reconciles against the platform's record and hands each result to people through the platform,
 * which opens the confirmation task. Documents are worked on in parallel, one per core.
 */
public class ReconciliationService implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ReconciliationService.class);

    private final StatementSource source;
    private final DocumentExtractor extractor;
    private final Reconciler reconciler;
    private final ReconciliationPlatform platform;
    /**
     * Worker threads for the whole life of the service: each keeps its own Tesseract engines (started once per
     * thread), so a pool per run would start, and keep, new engines every run.
     */
    private final ExecutorService pool;
    private final Clock clock;

    public ReconciliationService(StatementSource source, DocumentExtractor extractor, ReconciliationPlatform platform,
                                 int threads, Clock clock) {
        this.source = source;
        this.extractor = extractor;
        this.reconciler = new Reconciler(extractor.types());
        this.platform = platform;
        AtomicInteger n = new AtomicInteger();
        this.pool = Executors.newFixedThreadPool(Math.max(1, threads), r -> {
            Thread t = new Thread(r, "reconciliation-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        this.clock = clock;
    }

    /**
     * What became of one fetched document: a status (submitted), a duplicate, or a technical error (left in the
     * source for the next run). {@code caseId} is the confirmation case opened for it.
     */
    public record DocumentOutcome(IncomingDocument document, String contentHash, Reconciliation.Status status,
                                  boolean duplicate, String caseId, String error, Instant startedAt, long handlingMs) { }

    /** Told of every document as soon as it is done with; called from the worker threads. */
    @FunctionalInterface
    public interface Listener {
        void handled(DocumentOutcome outcome);
    }

    /** A run without anyone listening or asking it to stop. */
    public ReconciliationRun runOnce() {
        return runOnce(outcome -> { }, () -> false);
    }

    /**
     * One run: every waiting document, each reported to {@code listener}; once {@code stop} answers true, documents
     * not yet started are left in the source for the next run.
     */
    public synchronized ReconciliationRun runOnce(Listener listener, BooleanSupplier stop) {
        Instant started = clock.instant();
        List<IncomingDocument> documents = source.fetch();
        // repeats within the batch are decided in fetch order, before the parallel work: the first copy is
        // the one reconciled, whichever thread gets to it first
        Set<String> seen = new HashSet<>();
        List<DocumentOutcome> outcomes = new ArrayList<>();
        List<Future<DocumentOutcome>> futures = new ArrayList<>();
        for (IncomingDocument d : documents) {
            boolean repeat = !seen.add(d.contentHash());
            futures.add(pool.submit(() -> {
                if (stop.getAsBoolean()) {
                    return null;
                }
                DocumentOutcome outcome = handle(d, repeat);
                listener.handled(outcome);
                return outcome;
            }));
        }
        for (Future<DocumentOutcome> f : futures) {
            try {
                Optional.ofNullable(f.get()).ifPresent(outcomes::add);
            } catch (Exception e) {
                outcomes.add(new DocumentOutcome(null, null, null, false, null, String.valueOf(e.getCause()), started, 0));
            }
        }
        Map<Reconciliation.Status, Integer> byStatus = new EnumMap<>(Reconciliation.Status.class);
        List<String> errors = new ArrayList<>();
        int duplicates = 0;
        for (DocumentOutcome o : outcomes) {
            if (o.error() != null) {
                errors.add(o.document() == null ? o.error() : o.document().name() + ": " + o.error());
            } else if (o.duplicate()) {
                duplicates++;
            } else {
                byStatus.merge(o.status(), 1, Integer::sum);
            }
        }
        int submitted = byStatus.values().stream().mapToInt(Integer::intValue).sum();
        int matched = byStatus.getOrDefault(Reconciliation.Status.MATCHED, 0);
        var run = new ReconciliationRun(started, clock.instant(), source.describe().toString(), documents.size(), duplicates,
                submitted, matched, submitted - matched, byStatus, errors);
        if (run.fetched() > 0) { // a scheduled run over an empty folder is not news
            log.info("reconciliation run: {} fetched, {} duplicates, {} submitted ({} matched), {} errors",
                    run.fetched(), run.duplicates(), run.submitted(), run.matched(), errors.size());
        }
        return run;
    }

    @Override
    public void close() {
        pool.shutdownNow();
    }

    /** Whether scanned statements can be read here. */
    public OcrStatus ocrStatus() {
        return extractor.ocrStatus();
    }

    /** The source this service pulls from. */
    public StatementSource source() {
        return source;
    }

    private DocumentOutcome handle(IncomingDocument document, boolean repeatInBatch) {
        Instant startedAt = clock.instant();
        long t0 = System.nanoTime();
        String hash = document.contentHash();
        try {
            if (repeatInBatch || platform.alreadySubmitted(hash)) {
                source.acknowledge(document);
                return new DocumentOutcome(document, hash, null, true, null, null, startedAt, elapsedMs(t0));
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
            } catch (OcrUnavailableException e) {
                // a person can reconcile a scan by eye; leaving it in the source would fail it on every run until OCR is installed
                result = Reconciler.rejected(hash, document.name(), "OCR_UNAVAILABLE: " + e.getMessage());
            }
            Optional<ReconciliationPlatform.Submitted> submitted = platform.submit(result, preview);
            source.acknowledge(document);
            Reconciliation.Status status = result.status();
            return submitted.map(s -> new DocumentOutcome(document, hash, status, false, s.caseId(), null, startedAt,
                            elapsedMs(t0)))
                    .orElseGet(() -> new DocumentOutcome(document, hash, null, true, null, null, startedAt, elapsedMs(t0)));
        } catch (RuntimeException e) {
            // left in the source: the next run tries again, and the hash keeps it from being done twice
            log.warn("reconciliation of {} failed: {}", document.name(), e.getMessage());
            return new DocumentOutcome(document, hash, null, false, null, String.valueOf(e.getMessage()), startedAt,
                    elapsedMs(t0));
        }
    }

    private static long elapsedMs(long t0) {
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0);
    }
}
