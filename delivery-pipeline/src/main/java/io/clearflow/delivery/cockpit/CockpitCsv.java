package io.clearflow.delivery.cockpit;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * The cockpit as CSV, one figure a row ({@code section, item, measure, value}) so a spreadsheet can pivot it; labels
 * in the reader's language, departments by name. UTF-8 with a byte-order mark, which is what makes Excel read the
 * Chinese labels correctly. Cells that a spreadsheet would take for a formula are prefixed with an apostrophe.
 */
@Component
class CockpitCsv {

    private static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

    private final MessageSource messages;

    CockpitCsv(MessageSource messages) {
        this.messages = messages;
    }

    byte[] render(Cockpit c, Locale locale) {
        StringBuilder out = new StringBuilder();
        row(out, msg("delivery.cockpit.csv.section", locale), msg("delivery.cockpit.csv.item", locale),
                msg("delivery.cockpit.csv.measure", locale), msg("delivery.cockpit.csv.value", locale));
        String filter = msg("delivery.cockpit.csv.filter", locale);
        row(out, filter, msg("delivery.cockpit.filter.department", locale), "",
                c.departmentName() == null ? msg("delivery.cockpit.filter.all", locale) : c.departmentName());
        row(out, filter, msg("delivery.cockpit.filter.system", locale), "", c.system() == null ? msg("delivery.cockpit.filter.all", locale) : c.system());
        row(out, filter, msg("delivery.cockpit.filter.from", locale), "", c.from() == null ? "" : c.from().toString());
        row(out, filter, msg("delivery.cockpit.filter.to", locale), "", c.to() == null ? "" : c.to().toString());

        String stages = msg("delivery.cockpit.section.stages", locale);
        c.projectsByStage().forEach((stage, n) -> row(out, stages, stage(stage, locale), msg("delivery.cockpit.measure.projects", locale), n));

        String budget = msg("delivery.cockpit.section.budget", locale);
        row(out, budget, msg("delivery.cockpit.filter.all", locale), msg("delivery.cockpit.measure.budget", locale), c.budget().budget());
        row(out, budget, msg("delivery.cockpit.filter.all", locale), msg("delivery.cockpit.measure.actual", locale), c.budget().actual());
        for (Cockpit.BudgetLine l : c.budget().byStage()) {
            row(out, budget, stage(l.key(), locale), msg("delivery.cockpit.measure.budget", locale), l.budget());
            row(out, budget, stage(l.key(), locale), msg("delivery.cockpit.measure.actual", locale), l.actual());
        }
        for (Cockpit.BudgetLine l : c.budget().byDepartment()) {
            row(out, budget, l.name(), msg("delivery.cockpit.measure.budget", locale), l.budget());
            row(out, budget, l.name(), msg("delivery.cockpit.measure.actual", locale), l.actual());
        }

        String lead = msg("delivery.cockpit.section.stageLead", locale);
        for (Cockpit.StageLeadTime s : c.stageLeadTimes()) {
            row(out, lead, stage(s.stage(), locale), msg("delivery.cockpit.measure.count", locale), s.count());
            row(out, lead, stage(s.stage(), locale), msg("delivery.cockpit.measure.medianDays", locale), s.medianDays());
            row(out, lead, stage(s.stage(), locale), msg("delivery.cockpit.measure.p85Days", locale), s.p85Days());
        }
        String handoffs = msg("delivery.cockpit.section.handoffs", locale);
        for (Cockpit.Handoff h : c.handoffs()) {
            String item = msg("delivery.cockpit.handoff." + h.key(), locale);
            row(out, handoffs, item, msg("delivery.cockpit.measure.count", locale), h.count());
            row(out, handoffs, item, msg("delivery.cockpit.measure.medianHours", locale), h.medianHours());
            row(out, handoffs, item, msg("delivery.cockpit.measure.p85Hours", locale), h.p85Hours());
        }
        String quality = msg("delivery.cockpit.section.quality", locale);
        Cockpit.Quality q = c.quality();
        row(out, quality, "", msg("delivery.cockpit.quality.defects", locale), q.defects());
        row(out, quality, "", msg("delivery.cockpit.quality.escaped", locale), q.escapedDefects());
        row(out, quality, "", msg("delivery.cockpit.quality.productionDeployments", locale), q.productionDeployments());
        row(out, quality, "", msg("delivery.cockpit.quality.failed", locale), q.failedProductionDeployments());
        row(out, quality, "", msg("delivery.cockpit.quality.changeFailRate", locale), q.changeFailRate());

        String demands = msg("delivery.cockpit.section.demands", locale);
        row(out, demands, "", msg("delivery.cockpit.demands.decided", locale), c.demands().decided());
        row(out, demands, "", msg("delivery.cockpit.demands.delivered", locale), c.demands().delivered());
        row(out, demands, "", msg("delivery.cockpit.demands.successRate", locale), c.demands().successRate());

        String satisfaction = msg("delivery.cockpit.section.satisfaction", locale);
        row(out, satisfaction, msg("delivery.cockpit.filter.all", locale), msg("delivery.cockpit.measure.meanScore", locale),
                c.satisfaction().meanScore());
        for (Cockpit.DepartmentScore s : c.satisfaction().byDepartment()) {
            row(out, satisfaction, s.departmentName(), msg("delivery.cockpit.measure.responses", locale), s.responses());
            row(out, satisfaction, s.departmentName(), msg("delivery.cockpit.measure.meanScore", locale), s.meanScore());
        }

        String team = msg("delivery.cockpit.section.team", locale);
        Cockpit.TeamEfficiency t = c.teamEfficiency();
        row(out, team, "", msg("delivery.cockpit.team.people", locale), t.people());
        row(out, team, "", msg("delivery.cockpit.team.months", locale), t.months());
        row(out, team, "", msg("delivery.cockpit.team.deliveries", locale), t.deliveries());
        row(out, team, "", msg("delivery.cockpit.team.deliveriesPerPersonMonth", locale), t.deliveriesPerPersonMonth());
        row(out, team, "", msg("delivery.cockpit.team.demandPoints", locale), t.demandPoints());
        row(out, team, "", msg("delivery.cockpit.team.demandPointsPerPersonMonth", locale), t.demandPointsPerPersonMonth());

        String chains = msg("delivery.cockpit.section.completeness", locale);
        for (Cockpit.Chain ch : c.completeness()) {
            String item = msg("delivery.cockpit.chain." + ch.key(), locale);
            row(out, chains, item, msg("delivery.cockpit.measure.records", locale), ch.records());
            row(out, chains, item, msg("delivery.cockpit.measure.complete", locale), ch.complete());
            row(out, chains, item, msg("delivery.cockpit.measure.share", locale), ch.share());
        }
        byte[] body = out.toString().getBytes(StandardCharsets.UTF_8);
        byte[] all = new byte[BOM.length + body.length];
        System.arraycopy(BOM, 0, all, 0, BOM.length);
        System.arraycopy(body, 0, all, BOM.length, body.length);
        return all;
    }

    private String stage(String code, Locale locale) {
        return messages.getMessage("delivery.cockpit.stage." + code, null, code, locale);
    }

    private String msg(String key, Locale locale) {
        return messages.getMessage(key, null, key, locale);
    }

    private static void row(StringBuilder out, Object... cells) {
        for (int i = 0; i < cells.length; i++) {
            if (i > 0) {
                out.append(',');
            }
            out.append(cell(cells[i]));
        }
        out.append("\r\n");
    }

    static String cell(Object value) {
        if (value == null) {
            return "";
        }
        String s = value instanceof java.math.BigDecimal b ? b.toPlainString() : value.toString();
        if (!(value instanceof Number) && !s.isEmpty() && "=+-@\t\r".indexOf(s.charAt(0)) >= 0) {
            s = "'" + s;
        }
        if (s.contains(",") || s.contains("\"") || s.contains("\n") || s.contains("\r")) {
            s = "\"" + s.replace("\"", "\"\"") + "\"";
        }
        return s;
    }
}
