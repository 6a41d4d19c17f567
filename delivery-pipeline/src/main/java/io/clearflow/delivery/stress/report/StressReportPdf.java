package io.clearflow.delivery.stress.report;

import io.clearflow.delivery.People;
import io.clearflow.delivery.stress.StressResult;
import io.clearflow.delivery.stress.StressTest;
import io.clearflow.delivery.stress.StressTestService;
import io.clearflow.delivery.stress.StressVerdict;
import io.clearflow.delivery.stress.results.LoadSummary;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.fontbox.ttf.TrueTypeCollection;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * The stress-test report as PDF (Apache PDFBox), with the same content and order as the Word export: summary, the
 * seed's sections (environment, cases, process, results with a throughput/latency chart per run, anomalies,
 * conclusion), the verdict's checks with their numbers, the comparison with the previous accepted report, ops'
 * confirmation and production verification. Chinese needs an embedded CJK font (the standard 14 PDF fonts have no
 * CJK glyphs): the configured file, else WenQuanYi Zen Hei where Debian's {@code fonts-wqy-zenhei} puts it; only the
 * glyphs used are embedded (subset), so a report stays small although the font file is 17 MB.
 */
@Component
public class StressReportPdf {

    /** Where the platform's scripts install the font, and where other distributions put the same or a similar one. */
    static final List<String> DEFAULT_FONTS = List.of(
            "/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc",
            "/usr/share/fonts/wqy-zenhei/wqy-zenhei.ttc",
            "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc",
            "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc");

    private final MessageSource messages;
    private final People people;
    private final Clock clock;
    private final List<String> fontCandidates;

    StressReportPdf(MessageSource messages, People people, Clock clock,
                    @Value("${clearflow.delivery.stress.pdf-font:}") String configuredFont) {
        this.messages = messages;
        this.people = people;
        this.clock = clock;
        this.fontCandidates = configuredFont.isBlank() ? DEFAULT_FONTS : List.of(configuredFont);
    }

    /** The font file used, or the exception naming where it was looked for. */
    public Path fontFile() {
        return fontCandidates.stream().map(Path::of).filter(Files::isReadable).findFirst()
                .orElseThrow(() -> new CjkFontMissingException(fontCandidates));
    }

    public byte[] render(StressTestService.Detail detail, Locale locale) {
        Path fontFile = fontFile();
        try (PDDocument doc = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            TrueTypeCollection collection = null;
            try {
                PDFont font;
                if (fontFile.toString().toLowerCase(Locale.ROOT).endsWith(".ttc")) {
                    // the collection must stay open until save: the subset is cut from it then
                    collection = new TrueTypeCollection(fontFile.toFile());
                    AtomicReference<TrueTypeFont> first = new AtomicReference<>();
                    collection.processAllFonts(f -> first.compareAndSet(null, f));
                    font = PDType0Font.load(doc, first.get(), true);
                } else {
                    font = PDType0Font.load(doc, fontFile.toFile());
                }
                StressTest t = detail.test();
                PDDocumentInformation info = doc.getDocumentInformation();
                info.setTitle(msg("delivery.stress.docx.title", locale) + " " + t.key());
                info.setCreator("ClearFlow");
                try (PdfLayout pdf = new PdfLayout(doc, font)) {
                    write(pdf, detail, locale);
                }
                doc.save(out);
            } finally {
                if (collection != null) {
                    collection.close();
                }
            }
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void write(PdfLayout pdf, StressTestService.Detail detail, Locale locale) throws IOException {
        StressTest t = detail.test();
        pdf.title(msg("delivery.stress.docx.title", locale) + " " + t.key() + " — " + t.system() + " " + t.version());

        pdf.heading(msg("delivery.stress.docx.summary", locale));
        pdf.table(List.of(
                List.of(msg("delivery.stress.field.system", locale), t.system()),
                List.of(msg("delivery.stress.field.version", locale), t.version()),
                List.of(msg("delivery.stress.field.state", locale), msg("delivery.stress.state." + t.state(), locale)),
                List.of(msg("delivery.stress.field.requestedBy", locale), people.name(t.requestedBy())),
                List.of(msg("delivery.stress.section.verdict", locale), msg(detail.verdict().passed()
                        ? "delivery.stress.verdict.passed" : "delivery.stress.verdict.failed", locale)),
                List.of(msg("delivery.stress.field.upgradeRisk", locale), nz(t.upgradeRisk())),
                List.of(msg("delivery.stress.docx.generated", locale), DateTimeFormatter.ISO_LOCAL_DATE_TIME
                        .format(clock.instant().atZone(ZoneId.systemDefault()).withNano(0)))), 1, 3);

        section(pdf, msg("delivery.stress.field.environment", locale), t.report().environment());
        section(pdf, msg("delivery.stress.field.cases", locale), t.report().cases());
        section(pdf, msg("delivery.stress.field.process", locale), t.report().process());

        pdf.heading(msg("delivery.stress.section.results", locale));
        List<List<String>> rows = new ArrayList<>();
        rows.add(List.of(msg("delivery.stress.field.file", locale), msg("delivery.stress.field.phase", locale),
                msg("delivery.stress.field.samples", locale), msg("delivery.stress.field.throughput", locale),
                msg("delivery.stress.field.p95", locale), msg("delivery.stress.field.errorRate", locale),
                msg("delivery.stress.field.toolFigures", locale)));
        for (StressResult r : detail.results()) {
            rows.add(List.of(r.fileName(), msg("delivery.stress.phase." + r.phase(), locale),
                    String.valueOf(r.samples()), StressReportDocx.fmt(r.throughput()), StressReportDocx.fmt(r.p95Ms()),
                    StressReportDocx.pct(r.errorRate()), String.join(", ", r.toolFigures())));
        }
        pdf.table(rows, 3, 1.3f, 1.3f, 1.3f, 1.2f, 1.2f, 1.5f);
        for (StressResult r : detail.results()) {
            chart(pdf, r, locale);
        }

        pdf.heading(msg("delivery.stress.section.perLabel", locale));
        List<List<String>> labels = new ArrayList<>();
        labels.add(List.of(msg("delivery.stress.field.file", locale), msg("delivery.stress.field.label", locale),
                msg("delivery.stress.field.samples", locale), msg("delivery.stress.field.p95", locale),
                msg("delivery.stress.field.errorRate", locale)));
        int count = 0;
        for (StressResult r : detail.results()) {
            for (LoadSummary.LabelFigures l : r.labels()) {
                if (count++ >= StressReportDocx.MAX_LABEL_ROWS) {
                    break;
                }
                labels.add(List.of(r.fileName(), l.label(), String.valueOf(l.samples()),
                        l.p95Ms() == null ? "—" : StressReportDocx.fmt(l.p95Ms()), StressReportDocx.pct(l.errorRate())));
            }
        }
        pdf.table(labels, 3, 2, 1.2f, 1.2f, 1.2f);

        section(pdf, msg("delivery.stress.field.anomalies", locale), t.report().anomalies());
        section(pdf, msg("delivery.stress.field.conclusion", locale), t.report().conclusion());

        pdf.heading(msg("delivery.stress.section.verdict", locale));
        List<List<String>> checks = new ArrayList<>();
        checks.add(List.of(msg("delivery.stress.field.check", locale), msg("delivery.stress.field.value", locale),
                msg("delivery.stress.field.threshold", locale), msg("delivery.stress.field.result", locale)));
        for (StressVerdict.Check c : detail.verdict().checks()) {
            checks.add(List.of(msg("delivery.stress.check." + c.name(), locale),
                    c.value() == null ? "—" : StressReportDocx.fmt(c.value()),
                    c.threshold() == null ? "—" : StressReportDocx.fmt(c.threshold()),
                    msg(c.passed() ? "delivery.stress.verdict.passed" : "delivery.stress.verdict.failed", locale)
                            + (c.note() == null ? "" : " (" + msg(c.note(), locale) + ")")));
        }
        pdf.table(checks, 2, 1.2f, 1.2f, 3);

        pdf.heading(msg("delivery.stress.section.compare", locale));
        if (detail.previous().isEmpty()) {
            pdf.paragraph(msg("delivery.stress.compare.none", locale));
        } else {
            StressVerdict.Verdict now = detail.verdict();
            var before = StressVerdict.judge(detail.peak(), detail.previousResults(), List.of());
            pdf.table(List.of(
                    List.of("", msg("delivery.stress.compare.current", locale),
                            messages.getMessage("delivery.stress.compare.previous",
                                    new Object[] {detail.previous().get().key()}, locale)),
                    List.of(msg("delivery.stress.field.throughput", locale), StressReportDocx.fmt(now.capacityTps()),
                            StressReportDocx.fmt(before.capacityTps())),
                    List.of(msg("delivery.stress.field.p95", locale), StressReportDocx.fmt(now.p95Ms()),
                            StressReportDocx.fmt(before.p95Ms()))), 2, 1, 1);
        }
        if (t.confirmedBy() != null) {
            section(pdf, msg("delivery.stress.section.confirm", locale), people.name(t.confirmedBy()) + " · "
                    + nz(t.upgradeRisk()) + (t.confirmComment() == null ? "" : " · " + t.confirmComment()));
        }
        if (t.verifiedBy() != null) {
            section(pdf, msg("delivery.stress.section.verification", locale), people.name(t.verifiedBy()) + " · "
                    + msg(Boolean.TRUE.equals(t.verifiedPassed()) ? "delivery.stress.verdict.passed"
                            : "delivery.stress.verdict.failed", locale) + " · " + nz(t.verification()));
        }
    }

    /** Throughput (requests per second) and mean latency over the run, as on the page's ECharts chart. */
    private void chart(PdfLayout pdf, StressResult r, Locale locale) throws IOException {
        List<LoadSummary.Bucket> timeline = r.timeline();
        if (timeline == null || timeline.size() < 2 || r.durationSeconds() == null) {
            return;
        }
        double[] rate = new double[timeline.size()];
        double[] latency = new double[timeline.size()];
        for (int i = 0; i < rate.length; i++) {
            rate[i] = timeline.get(i).samples() / (double) r.bucketSeconds();
            latency[i] = timeline.get(i).meanMs();
        }
        pdf.chart(msg("delivery.stress.section.charts", locale) + " — " + r.fileName(),
                msg("delivery.stress.pdf.rate", locale), rate, msg("delivery.stress.pdf.meanLatency", locale), latency,
                r.durationSeconds());
    }

    private static void section(PdfLayout pdf, String heading, String text) throws IOException {
        pdf.heading(heading);
        pdf.paragraph(nz(text));
    }

    private String msg(String key, Locale locale) {
        return messages.getMessage(key, null, key, locale);
    }

    private static String nz(String s) {
        return s == null || s.isBlank() ? "—" : s;
    }
}
