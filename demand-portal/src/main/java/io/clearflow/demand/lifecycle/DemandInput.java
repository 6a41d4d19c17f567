package io.clearflow.demand.lifecycle;

import io.clearflow.demand.api.DemandCategory;
import io.clearflow.demand.api.DemandUrgency;
import io.clearflow.demand.api.NewDemand;
import io.clearflow.engine.api.InvalidRequestException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Checks of everything people type into the demand portal. Text is stored as typed (pages escape
 * it), but length is bounded and control characters other than line breaks and tabs are refused.
 */
public final class DemandInput {

    public static final int MAX_TITLE = 200;
    public static final int MAX_DESCRIPTION = 4000;
    public static final int MAX_VALUE = 2000;
    public static final int MAX_REFERENCE = 200;
    public static final int MAX_REASON = 2000;
    public static final int MAX_TASKS = 50;
    private static final Pattern CONTROL = Pattern.compile("[\\p{Cntrl}&&[^\\r\\n\\t]]");
    private static final Pattern VERSION = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");
    private static final Pattern PRIORITY = Pattern.compile("P[1-4]");
    private static final BigDecimal MAX_DAYS = new BigDecimal("10000");

    /** Evaluation of a demand: value score 1–10, workload in person-days, priority P1–P4, target version. */
    public record Evaluation(Integer valueScore, BigDecimal estimateDays, String priority, String targetVersion) { }

    /** A development task to split a demand into. */
    public record NewTask(String title, BigDecimal estimateDays, LocalDate dueDate) { }

    private DemandInput() {
    }

    static NewDemand checked(NewDemand d, LocalDate today) {
        Map<String, String> errors = new LinkedHashMap<>();
        String title = text(errors, "title", d.title(), MAX_TITLE, true);
        String description = text(errors, "description", d.description(), MAX_DESCRIPTION, true);
        String value = text(errors, "businessValue", d.businessValue(), MAX_VALUE, false);
        String reference = text(errors, "regulationRef", d.regulationRef(), MAX_REFERENCE, d.regulatory());
        if (!oneOf(d.category(), DemandCategory.class)) {
            errors.put("category", "demand.error.category");
        }
        if (!oneOf(d.urgency(), DemandUrgency.class)) {
            errors.put("urgency", "demand.error.urgency");
        }
        if (d.expectedDate() != null && d.expectedDate().isBefore(today)) {
            errors.put("expectedDate", "demand.error.expectedDate");
        }
        NewDemand.Origin origin = d.origin();
        if (origin != null) {
            String type = text(errors, "origin.type", origin.type(), 32, true);
            String ref = text(errors, "origin.reference", origin.reference(), 500, true);
            origin = new NewDemand.Origin(type, ref);
        }
        fail(errors);
        return new NewDemand(title, description, d.category(), value, d.urgency(), d.regulatory(),
                d.regulatory() ? reference : (reference == null || reference.isEmpty() ? null : reference),
                d.expectedDate(), origin);
    }

    static Evaluation checked(Evaluation e) {
        Map<String, String> errors = new LinkedHashMap<>();
        if (e.valueScore() == null || e.valueScore() < 1 || e.valueScore() > 10) {
            errors.put("valueScore", "demand.error.valueScore");
        }
        days(errors, "estimateDays", e.estimateDays(), true);
        if (e.priority() == null || !PRIORITY.matcher(e.priority()).matches()) {
            errors.put("priority", "demand.error.priority");
        }
        if (e.targetVersion() == null || !VERSION.matcher(e.targetVersion().strip()).matches()) {
            errors.put("targetVersion", "demand.error.targetVersion");
        }
        fail(errors);
        return new Evaluation(e.valueScore(), e.estimateDays(), e.priority(), e.targetVersion().strip());
    }

    static List<NewTask> checked(List<NewTask> tasks) {
        Map<String, String> errors = new LinkedHashMap<>();
        if (tasks == null || tasks.isEmpty() || tasks.size() > MAX_TASKS) {
            errors.put("tasks", "demand.error.tasks");
            fail(errors);
        }
        List<NewTask> checked = new java.util.ArrayList<>();
        for (int i = 0; i < tasks.size(); i++) {
            NewTask t = tasks.get(i);
            String title = text(errors, "tasks[" + i + "].title", t.title(), MAX_TITLE, true);
            days(errors, "tasks[" + i + "].estimateDays", t.estimateDays(), false);
            checked.add(new NewTask(title, t.estimateDays(), t.dueDate()));
        }
        fail(errors);
        return checked;
    }

    static String reason(String reason, boolean required) {
        Map<String, String> errors = new LinkedHashMap<>();
        String checked = text(errors, "reason", reason, MAX_REASON, required);
        fail(errors);
        return checked;
    }

    static void days(Map<String, String> errors, String field, BigDecimal days, boolean required) {
        if (days == null) {
            if (required) {
                errors.put(field, "demand.error.required." + base(field));
            }
        } else if (days.signum() < 0 || days.compareTo(MAX_DAYS) > 0 || days.stripTrailingZeros().scale() > 1) {
            errors.put(field, "demand.error.days");
        }
    }

    private static String text(Map<String, String> errors, String field, String value, int max, boolean required) {
        String v = value == null ? null : value.strip();
        if (v == null || v.isEmpty()) {
            if (required) {
                errors.put(field, "demand.error.required." + base(field));
            }
            return v == null || v.isEmpty() ? null : v;
        }
        if (v.length() > max) {
            errors.put(field, "demand.error.tooLong." + base(field));
        } else if (CONTROL.matcher(v).find()) {
            errors.put(field, "demand.error.control");
        }
        return v;
    }

    /** A field's name without its row index, for its message key: {@code tasks[2].title} → {@code tasks.title}. */
    private static String base(String field) {
        return field.replaceAll("\\[\\d+]", "");
    }

    private static <E extends Enum<E>> boolean oneOf(String value, Class<E> type) {
        if (value == null) {
            return false;
        }
        for (E e : type.getEnumConstants()) {
            if (e.name().equals(value)) {
                return true;
            }
        }
        return false;
    }

    private static void fail(Map<String, String> errors) {
        if (!errors.isEmpty()) {
            throw new InvalidRequestException("demand.error.invalid", errors);
        }
    }
}
