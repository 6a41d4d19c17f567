package io.clearflow.delivery.cockpit;

import io.clearflow.demand.api.DemandOutcomes;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.poi.xwpf.usermodel.ParagraphAlignment;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * The year-end review as Word (.docx) for the department's annual report: summary, delivered demands with value and
 * workload, accepted projects, cost by kind, quality. Labels in the reader's language.
 */
@Component
class YearReviewDocx {

    /** Demand rows in the document; the page and JSON list them all, the summary counts them all. */
    static final int MAX_DEMAND_ROWS = 500;

    private final MessageSource messages;

    YearReviewDocx(MessageSource messages) {
        this.messages = messages;
    }

    byte[] render(YearReview r, Locale locale) {
        try (XWPFDocument doc = new XWPFDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            XWPFParagraph title = doc.createParagraph();
            title.setAlignment(ParagraphAlignment.CENTER);
            XWPFRun run = title.createRun();
            run.setBold(true);
            run.setFontSize(18);
            run.setText(msg("delivery.cockpit.review.title", locale) + " — " + r.departmentName() + " " + r.year());

            heading(doc, msg("delivery.cockpit.review.summary", locale));
            table(doc, List.of(
                    List.of(msg("delivery.cockpit.demands.delivered", locale), String.valueOf(r.demands().size())),
                    List.of(msg("delivery.cockpit.demands.decided", locale), String.valueOf(r.decided())),
                    List.of(msg("delivery.cockpit.demands.successRate", locale), pct(r.successRate())),
                    List.of(msg("delivery.cockpit.review.value", locale), String.valueOf(r.valueScore())),
                    List.of(msg("delivery.cockpit.review.estimated", locale), plain(r.estimatedDays())),
                    List.of(msg("delivery.cockpit.review.actualDays", locale), plain(r.actualDays())),
                    List.of(msg("delivery.cockpit.review.projects", locale), String.valueOf(r.projects().size())),
                    List.of(msg("delivery.cockpit.review.cost", locale), plain(r.cost()))));

            heading(doc, msg("delivery.cockpit.review.demands", locale));
            List<List<String>> demands = new ArrayList<>();
            demands.add(List.of(msg("delivery.cockpit.review.demand", locale), msg("delivery.cockpit.review.closedOn", locale),
                    msg("delivery.cockpit.review.value", locale), msg("delivery.cockpit.review.estimated", locale),
                    msg("delivery.cockpit.review.actualDays", locale)));
            for (DemandOutcomes.DecidedDemand d : r.demands().stream().limit(MAX_DEMAND_ROWS).toList()) {
                demands.add(List.of(d.title(), String.valueOf(d.closedOn()), d.valueScore() == null ? "—" : d.valueScore().toString(),
                        plain(d.estimateDays()), plain(d.actualDays())));
            }
            table(doc, demands);

            heading(doc, msg("delivery.cockpit.review.projectsAccepted", locale));
            List<List<String>> projects = new ArrayList<>();
            projects.add(List.of(msg("delivery.cockpit.review.project", locale), msg("delivery.cockpit.measure.budget", locale),
                    msg("delivery.cockpit.measure.actual", locale), msg("delivery.cockpit.review.acceptedOn", locale)));
            for (YearReview.AcceptedProject p : r.projects()) {
                projects.add(List.of(p.name(), plain(p.budget()), plain(p.actual()),
                        String.valueOf(p.acceptedAt().atOffset(ZoneOffset.UTC).toLocalDate())));
            }
            table(doc, projects);

            heading(doc, msg("delivery.cockpit.review.costByKind", locale));
            List<List<String>> cost = new ArrayList<>();
            cost.add(List.of(msg("delivery.cockpit.review.kind", locale), msg("delivery.cockpit.measure.actual", locale)));
            r.costByKind().forEach((k, v) -> cost.add(List.of(messages.getMessage("delivery.cockpit.cost." + k, null, k, locale), plain(v))));
            table(doc, cost);

            heading(doc, msg("delivery.cockpit.section.quality", locale));
            Cockpit.Quality q = r.quality();
            table(doc, List.of(
                    List.of(msg("delivery.cockpit.quality.versions", locale), String.valueOf(q.versions())),
                    List.of(msg("delivery.cockpit.quality.defects", locale), String.valueOf(q.defects())),
                    List.of(msg("delivery.cockpit.quality.escaped", locale), String.valueOf(q.escapedDefects())),
                    List.of(msg("delivery.cockpit.quality.productionDeployments", locale), String.valueOf(q.productionDeployments())),
                    List.of(msg("delivery.cockpit.quality.failed", locale), String.valueOf(q.failedProductionDeployments())),
                    List.of(msg("delivery.cockpit.quality.changeFailRate", locale), pct(q.changeFailRate()))));
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

    private static void table(XWPFDocument doc, List<List<String>> rows) {
        XWPFTable table = doc.createTable(rows.size(), rows.get(0).size());
        for (int r = 0; r < rows.size(); r++) {
            for (int c = 0; c < rows.get(r).size(); c++) {
                table.getRow(r).getCell(c).setText(rows.get(r).get(c));
            }
        }
    }

    private String msg(String key, Locale locale) {
        return messages.getMessage(key, null, key, locale);
    }

    static String plain(BigDecimal v) {
        return v == null ? "—" : v.stripTrailingZeros().toPlainString();
    }

    static String pct(Double v) {
        return v == null ? "—" : String.format(Locale.ROOT, "%.1f %%", v * 100);
    }
}
