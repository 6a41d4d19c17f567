package io.clearflow.delivery.stress;

import static io.clearflow.delivery.stress.StressInput.invalid;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Reads the stress-test page's form fields into the service's typed values, with the same field errors as the API. */
final class StressForms {

    private StressForms() {
    }

    static StressTest.Plan plan(Map<String, String> form) {
        return new StressTest.Plan(form.get("object"), form.get("metrics"), form.get("method"), form.get("resources"),
                form.get("risks"));
    }

    /** The page offers one task row; a blank title means no task. */
    static List<StressTestService.NewTask> tasks(Map<String, String> form) {
        List<StressTestService.NewTask> tasks = new ArrayList<>();
        String title = form.get("taskTitle");
        if (title != null && !title.isBlank()) {
            LocalDate deadline;
            try {
                deadline = LocalDate.parse(form.getOrDefault("taskDeadline", ""));
            } catch (DateTimeParseException e) {
                throw invalid("tasks", "delivery.stress.error.taskIncomplete");
            }
            tasks.add(new StressTestService.NewTask(title, form.get("taskOwner"), deadline));
        }
        return tasks;
    }

    static StressTest.Report report(Map<String, String> form) {
        return new StressTest.Report(form.get("environment"), form.get("cases"), form.get("process"),
                form.get("anomalies"), form.get("conclusion"));
    }

    /** Minutes from the run's start separated by commas or spaces; {@code null} (detected bounds) when blank. */
    static List<Double> boundsMinutes(String boundsMinutes) {
        if (boundsMinutes == null || boundsMinutes.isBlank()) {
            return null;
        }
        List<Double> minutes = new ArrayList<>();
        for (String part : boundsMinutes.split("[,，\\s]+")) {
            if (part.isBlank()) {
                continue;
            }
            try {
                minutes.add(Double.parseDouble(part.strip()));
            } catch (NumberFormatException e) {
                throw invalid("boundsMinutes", "delivery.stress.error.bounds");
            }
        }
        return minutes;
    }

    /** A required number in (0, max] (or [0, max] when zero is allowed); else a field error like the API's 400. */
    static double number(Map<String, String> form, String field, double max, boolean zero) {
        Double v = optional(form, field, max);
        if (v == null || (!zero && v == 0)) {
            throw invalid(field, "delivery.stress.error.required");
        }
        return v;
    }

    static Double optional(Map<String, String> form, String field, double max) {
        String raw = form.get(field);
        if (raw == null || raw.isBlank()) {
            return null;
        }
        try {
            double v = Double.parseDouble(raw.strip());
            if (Double.isFinite(v) && v >= 0 && v <= max) {
                return v;
            }
        } catch (NumberFormatException e) {
            // falls through to the field error
        }
        throw invalid(field, "delivery.stress.error.peak");
    }

    /** The values the request form shows again after an error. */
    static Map<String, String> requestValues(String versionId, String scenariosWanted) {
        return Map.of("versionId", versionId == null ? "" : versionId,
                "scenariosWanted", scenariosWanted == null ? "" : scenariosWanted);
    }
}
