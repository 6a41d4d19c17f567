package io.clearflow.bots.documents;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;

/**
 * Accuracy and speed of extraction on generated corpora with known ground truth (not a unit test: run it by hand).
 *
 * <pre>
 * ./mvnw -B -o -pl rpa-ocr-bots process-test-classes -Pbench-extraction [-Dbench.pages=6] [-Dbench.scans=12] [-Dbench.pdfs=200]
 * </pre>
 * (the profile runs it in a JVM of its own with {@code OMP_THREAD_LIMIT=1}). The layout corpus ({@link LayoutCorpus}):
 * {@code bench.pages} clean and as many noisy pages per layout family (bank and clearing alternately, a tuning font
 * each), the same number in the held-out font, and the held-out family; the original corpus ({@link StatementCorpus},
 * 3 layouts per type, 300 dpi): {@code bench.scans} clean and noisy pages. Prints exact-match accuracy per family, per
 * field, clean vs noisy, held-out family and font separately, the wrong values not flagged low-confidence (target 0),
 * every miss, and pages/s on one thread (= per core) for scans and text-layer PDFs: by wall time, and by the CPU time
 * of the working thread (Tesseract runs natively on it with one OpenMP thread), which a loaded machine does not
 * inflate. Documents are generated before timing starts.
 */
public final class ExtractionBenchmark {

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    record Doc(String group, boolean noisy, String where, StatementCorpus.Statement truth, byte[] bytes) { }

    public static void main(String[] args) {
        int pages = Integer.getInteger("bench.pages", 6);
        int scans = Integer.getInteger("bench.scans", 12);
        int pdfs = Integer.getInteger("bench.pdfs", 200);
        var layouts = new LayoutCorpus(2027);
        var original = new StatementCorpus(2026);
        List<Doc> docs = new ArrayList<>();
        List<byte[]> textPdfs = new ArrayList<>();
        List<StatementCorpus.Statement> pdfTruths = new ArrayList<>();
        for (LayoutCorpus.Family family : LayoutCorpus.Family.values()) {
            String group = family == LayoutCorpus.HELD_OUT ? "held-out family: " + family.title : family.title;
            for (int i = 0; i < pages; i++) {
                var clean = layouts.page(family, i, null);
                docs.add(new Doc(group, false, clean.describe(), clean.truth(), layouts.cleanScan(clean)));
                var noisy = layouts.page(family, i, null);
                docs.add(new Doc(group, true, noisy.describe(), noisy.truth(), layouts.noisyScan(noisy)));
            }
        }
        LayoutCorpus.Family[] tuned = java.util.Arrays.stream(LayoutCorpus.Family.values())
                .filter(f -> f != LayoutCorpus.HELD_OUT).toArray(LayoutCorpus.Family[]::new);
        for (int i = 0; i < pages; i++) {
            var clean = layouts.page(tuned[i % tuned.length], i, LayoutCorpus.HELD_OUT_FONT);
            docs.add(new Doc("held-out font: " + LayoutCorpus.HELD_OUT_FONT, false, clean.describe(), clean.truth(), layouts.cleanScan(clean)));
            var noisy = layouts.page(tuned[(i + 3) % tuned.length], i, LayoutCorpus.HELD_OUT_FONT);
            docs.add(new Doc("held-out font: " + LayoutCorpus.HELD_OUT_FONT, true, noisy.describe(), noisy.truth(), layouts.noisyScan(noisy)));
        }
        for (int i = 0; i < scans; i++) {
            var s = i % 2 == 0 ? original.bankStatement(i / 2 % 3) : original.clearingStatement(i / 2 % 3);
            var page = original.render(s);
            docs.add(new Doc("original corpus (3 layouts)", false, "original layout " + s.layout() + " " + s.type(), s,
                    StatementCorpus.png(page)));
            docs.add(new Doc("original corpus (3 layouts)", true, "original layout " + s.layout() + " " + s.type(), s,
                    StatementCorpus.jpeg(original.noisy(page, original.randomSkew()), 0.6f)));
        }
        for (int i = 0; i < pdfs; i++) {
            var page = layouts.page(LayoutCorpus.Family.values()[i % LayoutCorpus.Family.values().length], i, null);
            pdfTruths.add(page.truth());
            textPdfs.add(LayoutCorpus.textPdf(page));
        }
        System.out.printf("generated %d scans (%d per family clean + noisy, held-out font, original corpus) and %d text-layer PDFs%n",
                docs.size(), pages, pdfs);

        Map<String, CorpusScore[]> byGroup = new LinkedHashMap<>(); // [clean, noisy]
        CorpusScore[] tuning = {new CorpusScore(), new CorpusScore()};
        CorpusScore[] all = {new CorpusScore(), new CorpusScore()};
        double wall = 0;
        double cpu = 0;
        try (var extractor = new DocumentExtractor(DocumentTypes.builtIn(), TesseractOcr.DEFAULT_DATAPATH)) {
            extractor.extract(docs.get(0).bytes()); // warm-up: loads the models
            for (Doc d : docs) {
                long t0 = System.nanoTime();
                long c0 = THREADS.getCurrentThreadCpuTime();
                Extraction e = extractor.extract(d.bytes());
                wall += (System.nanoTime() - t0) / 1e9;
                cpu += (THREADS.getCurrentThreadCpuTime() - c0) / 1e9;
                int k = d.noisy() ? 1 : 0;
                String where = (d.noisy() ? "noisy " : "clean ") + d.where();
                if (!e.type().equals(d.truth().type())) {
                    where += " [classified " + e.type() + "]";
                }
                byGroup.computeIfAbsent(d.group(), g -> new CorpusScore[] {new CorpusScore(), new CorpusScore()})[k]
                        .add(d.truth(), e, where);
            }
            byGroup.forEach((g, s) -> {
                all[0].addAll(s[0]);
                all[1].addAll(s[1]);
                if (!g.startsWith("held-out") && !g.startsWith("original")) {
                    tuning[0].addAll(s[0]);
                    tuning[1].addAll(s[1]);
                }
            });
            System.out.printf("%n%-40s %-36s %-36s%n", "accuracy (fields exact)", "clean", "noisy");
            byGroup.forEach((g, s) -> System.out.printf("%-40s %-36s %-36s%n", g, s[0].summary(), s[1].summary()));
            System.out.printf("%-40s %-36s %-36s%n", "ALL TUNING FAMILIES", tuning[0].summary(), tuning[1].summary());
            System.out.printf("%-40s %-36s %-36s%n", "EVERYTHING", all[0].summary(), all[1].summary());

            System.out.printf("%n%-26s %-24s %-24s%n", "per field (all scans)", "clean", "noisy");
            for (String f : new TreeSet<>(all[0].perField.keySet())) {
                System.out.printf("%-26s %-24s %-24s%n", f, field(all[0], f), field(all[1], f));
            }
            System.out.println("\nmisses:");
            all[0].misses.forEach(m -> System.out.println("  " + m));
            all[1].misses.forEach(m -> System.out.println("  " + m));

            CorpusScore pdfScore = new CorpusScore();
            long t0 = System.nanoTime();
            long c0 = THREADS.getCurrentThreadCpuTime();
            List<Extraction> pdfResults = new ArrayList<>();
            for (byte[] pdf : textPdfs) {
                pdfResults.add(extractor.extract(pdf));
            }
            double pdfSeconds = (System.nanoTime() - t0) / 1e9;
            double pdfCpu = (THREADS.getCurrentThreadCpuTime() - c0) / 1e9;
            for (int i = 0; i < pdfResults.size(); i++) {
                pdfScore.add(pdfTruths.get(i), pdfResults.get(i), "text-layer PDF " + i);
            }
            System.out.printf(Locale.ROOT, "%ntext-layer PDFs (all families): %s%n", pdfScore.summary());
            pdfScore.misses.stream().limit(20).forEach(m -> System.out.println("  " + m));
            System.out.printf(Locale.ROOT, "%nOMP_THREAD_LIMIT=%s, %d cores%n", System.getenv("OMP_THREAD_LIMIT"),
                    Runtime.getRuntime().availableProcessors());
            System.out.printf(Locale.ROOT, "scanned pages/s per core (1 thread, %d pages, 150-300 dpi, clean+noisy): %.2f by wall"
                    + " time, %.2f by CPU time (%.2f s wall, %.2f CPU s per page)%n", docs.size(), docs.size() / wall,
                    docs.size() / cpu, wall / docs.size(), cpu / docs.size());
            System.out.printf(Locale.ROOT, "text-layer PDF pages/s per core (1 thread): %.1f by wall time (%d pages in %.2f s),"
                    + " %.1f by CPU time%n", pdfs / pdfSeconds, pdfs, pdfSeconds, pdfs / pdfCpu);
        }
    }

    private static String field(CorpusScore s, String f) {
        int[] c = s.perField.getOrDefault(f, new int[4]);
        return c[1] == 0 ? "-" : String.format(Locale.ROOT, "%5.1f %% of %d (%d unfl.)", 100.0 * c[0] / c[1], c[1], c[3]);
    }
}
