package io.clearflow.engine.governance.web;

import io.clearflow.engine.web.Labels;
import java.util.Arrays;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * The audit trail's details as sentences in the reader's language ({@code ${@govAudit.detail(action, detail)}}):
 * the trail stores a compact technical record ({@code name=…, source=regulation, department=dept-operations}),
 * which is read here by action and said with the labels the rest of the page uses. A record of another shape
 * gives null, and the page shows it as it is, as code.
 */
@Component("govAudit")
public class AuditDetails {

    private static final Pattern SCENARIO = Pattern.compile(
            "name=(.*), source=(\\S+), department=(\\S+), category=(\\S+), characteristics=\\[(.*)]");
    private static final Pattern MODE = Pattern.compile("mode=([\\w-]+), recommended=([\\w-]+|null)(?:, reason=(.*))?", Pattern.DOTALL);
    private static final Pattern DESIGN = Pattern.compile("design \\d+ \\((.*)\\), (?:valid|(\\d+) error\\(s\\))");
    private static final Pattern VALIDATED = Pattern.compile("design \\d+, (?:valid|(\\d+) error\\(s\\))");
    private static final Pattern MIGRATION = Pattern.compile(
            "(\\d+) instance\\(s\\) of [^:\\s]+:(\\d+):\\S+?( migrated| not migrated: .*)?");
    private static final Pattern MIGRATED = Pattern.compile("to version (\\d+): (.*)", Pattern.DOTALL);
    private static final Pattern PUBLISHED = Pattern.compile("version (\\d+) = \\S+, running instances: (\\w+).*", Pattern.DOTALL);
    private static final Pattern DRAFT = Pattern.compile("design \\d+ from (.*)", Pattern.DOTALL);
    /** What process mining writes as a draft's origin: the log, the noise threshold, the log's name. */
    private static final Pattern MINING_ORIGIN = Pattern.compile("process-mining:([^?\\s]+)(?:\\?noise=([\\d.]+))?(?: \\((.*)\\))?",
            Pattern.DOTALL);
    private static final Pattern FORM_SAVED = Pattern.compile("(\\S+): (\\d+) field\\(s\\)");
    private static final Pattern FEEDBACK = Pattern.compile("feedback \\d+ on (\\S+) case (\\S+): (\\d)/5");
    private static final Pattern IMPROVEMENT = Pattern.compile(
            "action \\d+: (.*?)(?:, feedback \\[([\\d, ]*)])?(?:, metric (.*))?", Pattern.DOTALL);
    private static final Pattern IMPROVEMENT_STATUS = Pattern.compile("action (\\d+): ([\\w-]+) → ([\\w-]+)");

    private final MessageSource messages;
    private final Labels labels;
    private final io.clearflow.engine.identity.OrgDirectory directory;
    private final io.clearflow.engine.work.CaseLabels cases;
    private final io.clearflow.engine.governance.catalog.FormService forms;
    private final io.clearflow.engine.governance.catalog.ImprovementService improvements;

    AuditDetails(MessageSource messages, Labels labels, io.clearflow.engine.identity.OrgDirectory directory,
                 io.clearflow.engine.work.CaseLabels cases, io.clearflow.engine.governance.catalog.FormService forms,
                 io.clearflow.engine.governance.catalog.ImprovementService improvements) {
        this.messages = messages;
        this.labels = labels;
        this.directory = directory;
        this.cases = cases;
        this.forms = forms;
        this.improvements = improvements;
    }

    public String detail(String action, String detail) {
        return detail(null, action, detail);
    }

    /**
     * The record of one audit entry of a scenario in words; the scenario names the steps of its current model
     * (a form's step by its name, not its BPMN id). Null for a record of a shape not known here.
     */
    public String detail(String scenarioId, String action, String detail) {
        if (detail == null || detail.isBlank()) {
            return "";
        }
        Matcher m;
        switch (action == null ? "" : action) {
            case "registered", "updated" -> {
                if ((m = SCENARIO.matcher(detail)).matches()) {
                    String characteristics = m.group(5).isBlank() ? "—" : labels.join(Arrays.stream(m.group(5).split(",\\s*"))
                            .map(c -> label("gov.char." + c, c)).toList());
                    return msg("gov.audit.detail.scenario", m.group(1), label("gov.source." + m.group(2), m.group(2)),
                            labels.unit(m.group(3), directory.unitNames().getOrDefault(m.group(3), m.group(3))),
                            label("gov.category." + m.group(4), m.group(4)), characteristics);
                }
            }
            case "mode-accepted", "mode-overridden" -> {
                if ((m = MODE.matcher(detail)).matches()) {
                    String text = msg("gov.audit.detail.mode", label("gov.mode." + m.group(1), m.group(1)),
                            "null".equals(m.group(2)) ? "—" : label("gov.mode." + m.group(2), m.group(2)));
                    return m.group(3) == null ? text : text + " " + msg("gov.audit.detail.reason", m.group(3));
                }
            }
            case "design-uploaded" -> {
                if ((m = DESIGN.matcher(detail)).matches()) {
                    return msg("gov.audit.detail.design", m.group(1), validity(m.group(2)));
                }
            }
            case "design-validated" -> {
                if ((m = VALIDATED.matcher(detail)).matches()) {
                    return validity(m.group(1));
                }
            }
            case "published" -> {
                if ((m = PUBLISHED.matcher(detail)).matches()) {
                    return msg("gov.audit.detail.published", "v" + m.group(1), label("gov.release." + m.group(2), m.group(2)));
                }
            }
            case "instances-migrated" -> {
                if ((m = MIGRATED.matcher(detail)).matches()) {
                    String said = migration(m.group(2));
                    return said == null ? null : msg("gov.audit.detail.migrated", "v" + m.group(1), said);
                }
            }
            case "marked-direct-integration" -> {
                return msg("gov.audit.detail.reason", detail.strip()); // the person's own reason
            }
            case "draft-offered", "draft-adopted" -> {
                if ((m = DRAFT.matcher(detail)).matches()) {
                    return msg("gov.audit.detail." + ("draft-offered".equals(action) ? "draftOffered" : "draftAdopted"),
                            origin(m.group(1)));
                }
            }
            case "form-saved" -> {
                if ((m = FORM_SAVED.matcher(detail)).matches()) {
                    return msg("gov.audit.detail.formSaved", step(scenarioId, m.group(1)), Integer.parseInt(m.group(2)));
                }
            }
            case "form-deleted" -> {
                return msg("gov.audit.detail.formDeleted", step(scenarioId, detail.strip()));
            }
            case "feedback-given" -> {
                if ((m = FEEDBACK.matcher(detail)).matches()) {
                    return msg("gov.audit.detail.feedback", cases.processName(m.group(1)), cases.number(m.group(2)), m.group(3));
                }
            }
            case "improvement-added" -> {
                if ((m = IMPROVEMENT.matcher(detail)).matches()) {
                    StringBuilder text = new StringBuilder(msg("gov.audit.detail.improvement", m.group(1)));
                    if (m.group(2) != null && !m.group(2).isBlank()) {
                        text.append(msg("gov.audit.detail.improvement.feedback", m.group(2).split(",\\s*").length));
                    }
                    if (m.group(3) != null) {
                        text.append(msg("gov.audit.detail.improvement.metric", m.group(3)));
                    }
                    return text.toString();
                }
            }
            case "improvement-status" -> {
                if ((m = IMPROVEMENT_STATUS.matcher(detail)).matches()) {
                    String title;
                    try {
                        title = improvements.action(Long.parseLong(m.group(1))).title();
                    } catch (RuntimeException gone) {
                        title = "#" + m.group(1);
                    }
                    return msg("gov.audit.detail.improvementStatus", title,
                            label("gov.improvement.status." + m.group(2), m.group(2)),
                            label("gov.improvement.status." + m.group(3), m.group(3)));
                }
            }
            default -> { }
        }
        return null;
    }

    /**
     * A release's migration result ({@code 3 instance(s) of key:1:uuid migrated; …}) in words, by the engine's
     * version of the definition the cases ran on; null for a text of another shape. Flowable's reasons for a
     * refused migration stay in the technical record (the audit trail's code).
     */
    public String migration(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        java.util.List<String> parts = new java.util.ArrayList<>();
        for (String part : text.split("; ")) {
            Matcher m = MIGRATION.matcher(part.strip());
            if (!m.matches()) {
                return null;
            }
            String key = m.group(3) == null ? "gov.migration.none"
                    : m.group(3).startsWith(" migrated") ? "gov.migration.migrated" : "gov.migration.failed";
            parts.add(msg(key, m.group(1), m.group(2)));
        }
        return String.join(msg("gov.migration.separator"), parts);
    }

    /**
     * Where an offered draft came from, in words ({@code ${@govAudit.origin(d.origin)}}): process mining's
     * origin names the log and the noise threshold; another module's origin is its own text.
     */
    public String origin(String origin) {
        if (origin == null || origin.isBlank()) {
            return "";
        }
        Matcher m = MINING_ORIGIN.matcher(origin.strip());
        if (!m.matches()) {
            return origin.strip();
        }
        String log = m.group(3) != null && !m.group(3).isBlank() ? m.group(3) : m.group(1);
        return m.group(2) == null ? msg("gov.origin.mining", log) : msg("gov.origin.miningNoise", log, m.group(2));
    }

    /** A step of the scenario's current model by its name; its id when the model no longer has it. */
    private String step(String scenarioId, String activityId) {
        if (scenarioId == null) {
            return activityId;
        }
        try {
            return forms.formActivities(scenarioId).getOrDefault(activityId, activityId);
        } catch (RuntimeException unreadable) {
            return activityId;
        }
    }

    private String validity(String errors) {
        return errors == null ? msg("gov.audit.detail.valid") : msg("gov.audit.detail.errors", errors);
    }

    private String label(String key, String fallback) {
        return messages.getMessage(key, null, fallback, locale());
    }

    private String msg(String key, Object... args) {
        return messages.getMessage(key, args, locale());
    }

    private static Locale locale() {
        return LocaleContextHolder.getLocale();
    }
}
