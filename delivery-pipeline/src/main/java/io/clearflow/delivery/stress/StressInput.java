package io.clearflow.delivery.stress;

import io.clearflow.engine.api.InvalidRequestException;
import java.util.List;
import java.util.Map;

/** The field rules the stress-test steps share (text up to a length, the plan's tasks), broken as field errors. */
final class StressInput {

    private StressInput() {
    }

    /** The stripped text, {@code null} when blank and optional. */
    static String text(String value, boolean required, String field, int max) {
        if (value == null || value.isBlank()) {
            if (required) {
                throw invalid(field, "delivery.stress.error.required");
            }
            return null;
        }
        if (value.length() > max) {
            throw invalid(field, "delivery.stress.error.tooLong");
        }
        return value.strip();
    }

    /** The plan's tasks, each complete (title, owner, deadline), at most 100; none when {@code null}. */
    static List<StressTestService.NewTask> tasks(List<StressTestService.NewTask> tasks) {
        List<StressTestService.NewTask> checked = tasks == null ? List.of() : tasks;
        if (checked.size() > 100) {
            throw invalid("tasks", "delivery.stress.error.tooMany");
        }
        for (StressTestService.NewTask t : checked) {
            if (t == null || t.deadline() == null || t.owner() == null || t.owner().isBlank()) {
                throw invalid("tasks", "delivery.stress.error.taskIncomplete");
            }
            text(t.title(), true, "tasks", 200);
            if (t.owner().length() > 64) {
                throw invalid("tasks", "delivery.stress.error.tooLong");
            }
        }
        return checked;
    }

    static InvalidRequestException invalid(String field, String key) {
        return new InvalidRequestException(key, Map.of(field, key));
    }
}
