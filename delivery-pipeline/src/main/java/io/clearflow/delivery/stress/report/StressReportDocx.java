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
import java.time.Clock;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.poi.xwpf.usermodel.ParagraphAlignment;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * The stress-test report as Word (.docx) for archiving, in the seed's order: environment, cases, process, results
 * (per run and per function code), anomalies, conclusion; then the verdict with its numbers and the comparison with
 * the previous accepted report. Labels in the reader's language from the bundles.
 */
@Component
public class StressReportDocx {

    /** Per-code rows in the document: the busiest codes (a full-function run has hundreds). */
    static final int MAX_LABEL_ROWS = 60;

    private final MessageSource messages;
    private final People people;
    private final Clock clock;

    StressReportDocx(MessageSource messages, People people, Clock clock) {
        this.messages = messages;
        this.people = people;
        this.clock = clock;
    }

    public byte[] render(StressTestService.Detail detail, Locale locale) {
        StressTest t = detail.test();
        try (XWPFDocument doc = new XWPFDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            XWPFParagraph title = doc.createParagraph();
            title.setAlignment(ParagraphAlignment.CENTER);
            XWPFRun run = title.createRun();
            run.setBold(true);
            run.setFontSize(18);
            run.setText(msg("delivery.stress.docx.title", locale) + " " + t.key() + " — " + t.system() + " " + t.version());

            heading(doc, msg("delivery.stress.docx.summary", locale));
            table(doc, List.of(
                    List.of(msg("delivery.stress.field.system", locale), t.system()),
                    List.of(msg("delivery.stress.field.version", locale), t.version()),
                    List.of(msg("delivery.stress.field.state", locale), msg("delivery.stress.state." + t.state(), locale)),
                    List.of(msg("delivery.stress.field.requestedBy", locale), people.name(t.requestedBy())),
                    List.of(msg("delivery.stress.section.verdict", locale), msg(detail.verdict().passed()
                            ? "delivery.stress.verdict.passed" : "delivery.stress.verdict.failed", locale)),
                    List.of(msg("delivery.stress.field.upgradeRisk", locale), nz(t.upgradeRisk())),
                    List.of(msg("delivery.stress.docx.generated", locale), DateTimeFormatter.ISO_LOCAL_DATE_TIME
                            .format(clock.instant().atZone(ZoneId.systemDefault()).withNano(0)))));

            section(doc, msg("delivery.stress.field.environment", locale), t.report().environment());
            section(doc, msg("delivery.stress.field.cases", locale), t.report().cases());
            section(doc, msg("delivery.stress.field.process", locale), t.report().process());

            heading(doc, msg("delivery.stress.section.results", locale));
            List<List<String>> rows = new ArrayList<>();
            rows.add(List.of(msg("delivery.stress.field.file", locale), msg("delivery.stress.field.phase", locale),
                    msg("delivery.stress.field.samples", locale), msg("delivery.stress.field.throughput", locale),
                    msg("delivery.stress.field.p95", locale), msg("delivery.stress.field.errorRate", locale),
                    msg("delivery.stress.field.toolFigures", locale)));
            for (StressResult r : detail.results()) {
                rows.add(List.of(r.fileName(), msg("delivery.stress.phase." + r.phase(), locale),
                        String.valueOf(r.samples()), fmt(r.throughput()), fmt(r.p95Ms()), pct(r.errorRate()),
                        String.join(", ", r.toolFigures())));
            }
            table(doc, rows);

            heading(doc, msg("delivery.stress.section.perLabel", locale));
            List<List<String>> labels = new ArrayList<>();
            labels.add(List.of(msg("delivery.stress.field.file", locale), msg("delivery.stress.field.label", locale),
                    msg("delivery.stress.field.samples", locale), msg("delivery.stress.field.p95", locale),
                    msg("delivery.stress.field.errorRate", locale)));
            int count = 0;
            for (StressResult r : detail.results()) {
                for (LoadSummary.LabelFigures l : r.labels()) {
                    if (count++ >= MAX_LABEL_ROWS) {
                        break;
                    }
                    labels.add(List.of(r.fileName(), l.label(), String.valueOf(l.samples()),
                            l.p95Ms() == null ? "—" : fmt(l.p95Ms()), pct(l.errorRate())));
                }
            }
            table(doc, labels);

            section(doc, msg("delivery.stress.field.anomalies", locale), t.report().anomalies());
            section(doc, msg("delivery.stress.field.conclusion", locale), t.report().conclusion());

            heading(doc, msg("delivery.stress.section.verdict", locale));
            List<List<String>> checks = new ArrayList<>();
            checks.add(List.of(msg("delivery.stress.field.check", locale), msg("delivery.stress.field.value", locale),
                    msg("delivery.stress.field.threshold", locale), msg("delivery.stress.field.result", locale)));
            for (StressVerdict.Check c : detail.verdict().checks()) {
                checks.add(List.of(msg("delivery.stress.check." + c.name(), locale),
                        c.value() == null ? "—" : fmt(c.value()), c.threshold() == null ? "—" : fmt(c.threshold()),
                        msg(c.passed() ? "delivery.stress.verdict.passed" : "delivery.stress.verdict.failed", locale)
                                + (c.note() == null ? "" : " (" + msg(c.note(), locale) + ")")));
            }
            table(doc, checks);

            heading(doc, msg("delivery.stress.section.compare", locale));
            if (detail.previous().isEmpty()) {
                doc.createParagraph().createRun().setText(msg("delivery.stress.compare.none", locale));
            } else {
                StressVerdict.Verdict now = detail.verdict();
                var before = StressVerdict.judge(detail.peak(), detail.previousResults(), List.of());
                table(doc, List.of(
                        List.of("", msg("delivery.stress.compare.current", locale),
                                messages.getMessage("delivery.stress.compare.previous",
                                        new Object[] {detail.previous().get().key()}, locale)),
                        List.of(msg("delivery.stress.field.throughput", locale), fmt(now.capacityTps()),
                                fmt(before.capacityTps())),
                        List.of(msg("delivery.stress.field.p95", locale), fmt(now.p95Ms()), fmt(before.p95Ms()))));
            }
            if (t.confirmedBy() != null) {
                section(doc, msg("delivery.stress.section.confirm", locale), people.name(t.confirmedBy()) + " · "
                        + nz(t.upgradeRisk()) + (t.confirmComment() == null ? "" : " · " + t.confirmComment()));
            }
            if (t.verifiedBy() != null) {
                section(doc, msg("delivery.stress.section.verification", locale), people.name(t.verifiedBy()) + " · "
                        + msg(Boolean.TRUE.equals(t.verifiedPassed()) ? "delivery.stress.verdict.passed"
                                : "delivery.stress.verdict.failed", locale) + " · " + nz(t.verification()));
            }
            doc.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void heading(XWPFDocument doc, String text) {
        XWPFRun run = doc.createParagraph().createRun();
        run.setBold(true);
        run.setFontSize(14);
        run.setText(text);
    }

    private static void section(XWPFDocument doc, String heading, String text) {
        heading(doc, heading);
        String body = nz(text);
        XWPFRun run = doc.createParagraph().createRun();
        String[] lines = body.split("\r?\n", -1);
        for (int i = 0; i < lines.length; i++) {
            if (i > 0) {
                run.addBreak();
            }
            run.setText(lines[i]);
        }
    }

    private static void table(XWPFDocument doc, List<List<String>> rows) {
        XWPFTable table = doc.createTable(rows.size(), rows.get(0).size());
        for (int r = 0; r < rows.size(); r++) {
            XWPFTableRow row = table.getRow(r);
            for (int c = 0; c < rows.get(r).size(); c++) {
                row.getCell(c).setText(rows.get(r).get(c));
            }
        }
    }

    private String msg(String key, Locale locale) {
        return messages.getMessage(key, null, key, locale);
    }

    private static String nz(String s) {
        return s == null || s.isBlank() ? "—" : s;
    }

    static String fmt(Double v) {
        return v == null ? "—" : String.format(Locale.ROOT, "%.2f", v);
    }

    static String pct(double v) {
        return String.format(Locale.ROOT, "%.3f %%", v * 100);
    }
}
