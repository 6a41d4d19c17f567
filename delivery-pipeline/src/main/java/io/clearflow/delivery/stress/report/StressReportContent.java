package io.clearflow.delivery.stress.report;

import io.clearflow.delivery.People;
import io.clearflow.delivery.stress.StressResult;
import io.clearflow.delivery.stress.StressTest;
import io.clearflow.delivery.stress.StressTestService;
import io.clearflow.delivery.stress.StressVerdict;
import io.clearflow.delivery.stress.results.LoadSummary;
import java.time.Clock;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * What a stress-test report says, once, in the seed's order — summary; environment, cases, process; results per run
 * (with a throughput/latency chart) and per function code; anomalies, conclusion; the verdict's checks with their
 * numbers; the comparison with the previous accepted report; ops' confirmation and the production verification —
 * as format-neutral blocks that the Word and the PDF writer each lay out. Labels in the reader's language.
 */
@Component
class StressReportContent {

    /** Per-code rows in a report: the busiest codes (a full-function run has hundreds). */
    static final int MAX_LABEL_ROWS = 60;

    sealed interface Block permits Title, Heading, Text, Table, Chart { }

    record Title(String text) implements Block { }

    record Heading(String text) implements Block { }

    /** Free text that may span lines; "—" when the section was left empty. */
    record Text(String text) implements Block { }

    /** Rows of cells, the first one the header; {@code weights} size the columns where the format can. */
    record Table(List<List<String>> rows, float... weights) implements Block { }

    /** One run's throughput (requests per second) and mean latency over its duration. */
    record Chart(String caption, String rateName, double[] rate, String latencyName, double[] latency,
                 double spanSeconds) implements Block { }

    private final MessageSource messages;
    private final People people;
    private final Clock clock;

    StressReportContent(MessageSource messages, People people, Clock clock) {
        this.messages = messages;
        this.people = people;
        this.clock = clock;
    }

    String documentTitle(StressTestService.Detail detail, Locale locale) {
        return msg("delivery.stress.docx.title", locale) + " " + detail.test().key();
    }

    List<Block> blocks(StressTestService.Detail detail, Locale locale) {
        StressTest t = detail.test();
        List<Block> out = new ArrayList<>();
        out.add(new Title(msg("delivery.stress.docx.title", locale) + " " + t.key() + " — " + t.system() + " " + t.version()));

        out.add(new Heading(msg("delivery.stress.docx.summary", locale)));
        out.add(new Table(List.of(
                List.of(msg("delivery.stress.field.system", locale), t.system()),
                List.of(msg("delivery.stress.field.version", locale), t.version()),
                List.of(msg("delivery.stress.field.state", locale), msg("delivery.stress.state." + t.state(), locale)),
                List.of(msg("delivery.stress.field.requestedBy", locale), people.name(t.requestedBy())),
                List.of(msg("delivery.stress.section.verdict", locale), passed(detail.verdict().passed(), locale)),
                List.of(msg("delivery.stress.field.upgradeRisk", locale), nz(t.upgradeRisk())),
                List.of(msg("delivery.stress.docx.generated", locale), DateTimeFormatter.ISO_LOCAL_DATE_TIME
                        .format(clock.instant().atZone(ZoneId.systemDefault()).withNano(0)))), 1, 3));

        section(out, msg("delivery.stress.field.environment", locale), t.report().environment());
        section(out, msg("delivery.stress.field.cases", locale), t.report().cases());
        section(out, msg("delivery.stress.field.process", locale), t.report().process());

        out.add(new Heading(msg("delivery.stress.section.results", locale)));
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
        out.add(new Table(rows, 3, 1.3f, 1.3f, 1.3f, 1.2f, 1.2f, 1.5f));
        for (StressResult r : detail.results()) {
            chart(r, locale).ifPresent(out::add);
        }

        out.add(new Heading(msg("delivery.stress.section.perLabel", locale)));
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
        out.add(new Table(labels, 3, 2, 1.2f, 1.2f, 1.2f));

        section(out, msg("delivery.stress.field.anomalies", locale), t.report().anomalies());
        section(out, msg("delivery.stress.field.conclusion", locale), t.report().conclusion());

        out.add(new Heading(msg("delivery.stress.section.verdict", locale)));
        List<List<String>> checks = new ArrayList<>();
        checks.add(List.of(msg("delivery.stress.field.check", locale), msg("delivery.stress.field.value", locale),
                msg("delivery.stress.field.threshold", locale), msg("delivery.stress.field.result", locale)));
        for (StressVerdict.Check c : detail.verdict().checks()) {
            checks.add(List.of(msg("delivery.stress.check." + c.name(), locale),
                    c.value() == null ? "—" : fmt(c.value()), c.threshold() == null ? "—" : fmt(c.threshold()),
                    passed(c.passed(), locale) + (c.note() == null ? "" : " (" + msg(c.note(), locale) + ")")));
        }
        out.add(new Table(checks, 2, 1.2f, 1.2f, 3));

        out.add(new Heading(msg("delivery.stress.section.compare", locale)));
        if (detail.previous().isEmpty()) {
            out.add(new Text(msg("delivery.stress.compare.none", locale)));
        } else {
            StressVerdict.Verdict now = detail.verdict();
            var before = StressVerdict.judge(detail.peak(), detail.previousResults(), List.of());
            out.add(new Table(List.of(
                    List.of("", msg("delivery.stress.compare.current", locale),
                            messages.getMessage("delivery.stress.compare.previous",
                                    new Object[] {detail.previous().get().key()}, locale)),
                    List.of(msg("delivery.stress.field.throughput", locale), fmt(now.capacityTps()),
                            fmt(before.capacityTps())),
                    List.of(msg("delivery.stress.field.p95", locale), fmt(now.p95Ms()), fmt(before.p95Ms()))), 2, 1, 1));
        }
        if (t.confirmedBy() != null) {
            section(out, msg("delivery.stress.section.confirm", locale), people.name(t.confirmedBy()) + " · "
                    + nz(t.upgradeRisk()) + (t.confirmComment() == null ? "" : " · " + t.confirmComment()));
        }
        if (t.verifiedBy() != null) {
            section(out, msg("delivery.stress.section.verification", locale), people.name(t.verifiedBy()) + " · "
                    + passed(Boolean.TRUE.equals(t.verifiedPassed()), locale) + " · " + nz(t.verification()));
        }
        return out;
    }

    /** Throughput and mean latency over the run, as on the page's chart; none for a run without a timeline. */
    private java.util.Optional<Chart> chart(StressResult r, Locale locale) {
        List<LoadSummary.Bucket> timeline = r.timeline();
        if (timeline == null || timeline.size() < 2 || r.durationSeconds() == null) {
            return java.util.Optional.empty();
        }
        double[] rate = new double[timeline.size()];
        double[] latency = new double[timeline.size()];
        for (int i = 0; i < rate.length; i++) {
            rate[i] = timeline.get(i).samples() / (double) r.bucketSeconds();
            latency[i] = timeline.get(i).meanMs();
        }
        return java.util.Optional.of(new Chart(msg("delivery.stress.section.charts", locale) + " — " + r.fileName(),
                msg("delivery.stress.pdf.rate", locale), rate, msg("delivery.stress.pdf.meanLatency", locale), latency,
                r.durationSeconds()));
    }

    private void section(List<Block> out, String heading, String text) {
        out.add(new Heading(heading));
        out.add(new Text(nz(text)));
    }

    private String passed(boolean passed, Locale locale) {
        return msg(passed ? "delivery.stress.verdict.passed" : "delivery.stress.verdict.failed", locale);
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
