package io.clearflow.bots.documents;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Accuracy and speed of extraction on a generated corpus with known ground truth (not a unit test: run it by hand).
 *
 * <pre>
 * ./mvnw -B -o -pl rpa-ocr-bots process-test-classes -Pbench-extraction [-Dbench.scans=24] [-Dbench.pdfs=200]
 * </pre>
 * (the profile runs it in a JVM of its own with {@code OMP_THREAD_LIMIT=1}). Prints per-field exact-match accuracy on
 * clean and on noisy scans (noisy: rotation up to ±2°, grey noise and speckle, JPEG quality 0.6), how many wrong values
 * were flagged low-confidence, and pages/s on one thread (= per core) for scans and for text-layer PDFs: by wall
 * time, and by the CPU time of the working thread (Tesseract runs natively on it with one OpenMP thread), which a
 * loaded machine does not inflate. Documents are generated before timing starts.
 */
public final class ExtractionBenchmark {

    public static void main(String[] args) {
        int scans = Integer.getInteger("bench.scans", 24);
        int pdfs = Integer.getInteger("bench.pdfs", 200);
        var corpus = new StatementCorpus(2026);
        System.out.printf("generating %d clean + %d noisy scans and %d text-layer PDFs (300 dpi, 3 layouts x 2 types)%n",
                scans, scans, pdfs);
        List<StatementCorpus.Statement> truths = new ArrayList<>();
        List<byte[]> clean = new ArrayList<>();
        List<byte[]> noisy = new ArrayList<>();
        for (int i = 0; i < scans; i++) {
            var s = i % 2 == 0 ? corpus.bankStatement(i / 2 % 3) : corpus.clearingStatement(i / 2 % 3);
            truths.add(s);
            var page = corpus.render(s);
            clean.add(StatementCorpus.png(page));
            noisy.add(StatementCorpus.jpeg(corpus.noisy(page, corpus.randomSkew()), 0.6f));
        }
        List<byte[]> textPdfs = new ArrayList<>();
        for (int i = 0; i < pdfs; i++) {
            textPdfs.add(StatementCorpus.textPdf(i % 2 == 0 ? corpus.bankStatement(i % 3) : corpus.clearingStatement(i % 3)));
        }
        try (var extractor = new DocumentExtractor(DocumentTypes.builtIn(), TesseractOcr.DEFAULT_DATAPATH)) {
            extractor.extract(clean.get(0)); // warm-up: loads the models
            Timing cleanTime = score("clean scans", extractor, truths, clean);
            Timing noisyTime = score("noisy scans", extractor, truths, noisy);
            long t0 = System.nanoTime();
            long c0 = THREADS.getCurrentThreadCpuTime();
            for (byte[] pdf : textPdfs) {
                extractor.extract(pdf);
            }
            double pdfSeconds = (System.nanoTime() - t0) / 1e9;
            double pdfCpu = (THREADS.getCurrentThreadCpuTime() - c0) / 1e9;
            double scanWall = cleanTime.wall() + noisyTime.wall();
            double scanCpu = cleanTime.cpu() + noisyTime.cpu();
            System.out.printf(Locale.ROOT, "%nOMP_THREAD_LIMIT=%s, %d cores%n", System.getenv("OMP_THREAD_LIMIT"),
                    Runtime.getRuntime().availableProcessors());
            System.out.printf(Locale.ROOT, "scanned pages/s per core (1 thread, clean+noisy): %.2f by wall time, %.2f by CPU time"
                    + " (%.2f CPU s per page)%n", 2.0 * scans / scanWall, 2.0 * scans / scanCpu, scanCpu / (2.0 * scans));
            System.out.printf(Locale.ROOT, "text-layer PDF pages/s per core (1 thread): %.1f by wall time (%d pages in %.2f s),"
                    + " %.1f by CPU time%n", pdfs / pdfSeconds, pdfs, pdfSeconds, pdfs / pdfCpu);
        }
    }

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    /** Seconds spent extracting: wall time, and CPU time of this thread (where Tesseract runs natively). */
    record Timing(double wall, double cpu) { }

    /** Prints per-field accuracy; returns the time spent extracting. */
    static Timing score(String label, DocumentExtractor extractor, List<StatementCorpus.Statement> truths, List<byte[]> docs) {
        Map<String, int[]> perField = new TreeMap<>(); // right, total, wrongButFlagged, wrongUnflagged
        int typeRight = 0;
        double seconds = 0;
        double cpu = 0;
        for (int i = 0; i < docs.size(); i++) {
            var truth = truths.get(i);
            long t0 = System.nanoTime();
            long c0 = THREADS.getCurrentThreadCpuTime();
            Extraction e = extractor.extract(docs.get(i));
            seconds += (System.nanoTime() - t0) / 1e9;
            cpu += (THREADS.getCurrentThreadCpuTime() - c0) / 1e9;
            if (e.type().equals(truth.type())) {
                typeRight++;
            }
            truth.fields().forEach((k, v) -> tally(perField, k, v, e.fields().get(k), e.lowConfidence().contains(k)));
            for (int t = 0; t < truth.transactions().size(); t++) {
                Map<String, String> got = t < e.transactions().size() ? e.transactions().get(t) : Map.of();
                int index = t;
                truth.transactions().get(t).forEach((k, v) -> tally(perField, "transaction." + k, v, got.get(k),
                        e.lowConfidence().contains("transactions[" + index + "]." + k) || got.isEmpty()));
            }
        }
        System.out.printf(Locale.ROOT, "%n%s: %d pages, type right %d, %.2f s/page on 1 thread (%.2f CPU s/page)%n", label,
                docs.size(), typeRight, seconds / docs.size(), cpu / docs.size());
        System.out.printf("  %-26s %9s %8s %14s %16s%n", "field", "accuracy", "n", "wrong+flagged", "wrong+unflagged");
        int right = 0;
        int total = 0;
        for (var f : perField.entrySet()) {
            int[] c = f.getValue();
            right += c[0];
            total += c[1];
            System.out.printf(Locale.ROOT, "  %-26s %8.1f%% %8d %14d %16d%n", f.getKey(), 100.0 * c[0] / c[1], c[1], c[2], c[3]);
        }
        System.out.printf(Locale.ROOT, "  %-26s %8.1f%% %8d%n", "ALL FIELDS", 100.0 * right / total, total);
        return new Timing(seconds, cpu);
    }

    private static void tally(Map<String, int[]> perField, String field, String expected, String got, boolean flagged) {
        int[] c = perField.computeIfAbsent(field, k -> new int[4]);
        c[1]++;
        if (expected.equals(got)) {
            c[0]++;
        } else if (flagged || got == null) {
            c[2]++;
        } else {
            c[3]++;
        }
    }
}
