package io.clearflow.delivery.stress;

import io.clearflow.delivery.input.FreeText;
import io.clearflow.engine.api.InvalidRequestException;
import java.util.List;
import java.util.Map;

/** The field rules the stress-test steps share (texts up to a length, the plan's tasks), broken as field errors. */
final class StressInput {

    private StressInput() {
    }

    private static final String REQUIRED = "delivery.stress.error.required";
    private static final String TOO_LONG = "delivery.stress.error.tooLong";

    /** The steps' texts: stripped, {@code null} when blank and optional. */
    static final FreeText TEXT = new FreeText(REQUIRED, TOO_LONG, StressTestService.MAX_TEXT);
    /** The design's scenarios and the report's sections. */
    static final FreeText LONG_TEXT = new FreeText(REQUIRED, TOO_LONG, StressTestService.MAX_LONG_TEXT);
    private static final FreeText TASK_TITLE = new FreeText(REQUIRED, TOO_LONG, 200);

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
            TASK_TITLE.check(t.title(), true, "tasks");
            if (t.owner().length() > 64) {
                throw invalid("tasks", TOO_LONG);
            }
        }
        return checked;
    }

    static InvalidRequestException invalid(String field, String key) {
        return new InvalidRequestException(key, Map.of(field, key));
    }
}
