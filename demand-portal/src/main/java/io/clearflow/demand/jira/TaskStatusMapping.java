package io.clearflow.demand.jira;

import io.clearflow.demand.lifecycle.DemandTask;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Jira status to tracking state, from configuration. Names are matched without regard to case;
 * a status the table does not know falls back to Jira's status category, which every workflow has.
 */
final class TaskStatusMapping {

    private final Map<String, DemandTask.Status> byName;

    TaskStatusMapping(Map<String, String> configured) {
        this.byName = configured.entrySet().stream().collect(Collectors.toMap(
                e -> e.getKey().toLowerCase(Locale.ROOT), e -> DemandTask.Status.valueOf(e.getValue().toUpperCase(Locale.ROOT))));
    }

    Optional<DemandTask.Status> map(String statusName, String categoryKey) {
        if (statusName != null) {
            DemandTask.Status mapped = byName.get(statusName.toLowerCase(Locale.ROOT));
            if (mapped != null) {
                return Optional.of(mapped);
            }
        }
        if (categoryKey == null) {
            return Optional.empty();
        }
        return switch (categoryKey) {
            case "new" -> Optional.of(DemandTask.Status.TODO);
            case "indeterminate" -> Optional.of(DemandTask.Status.IN_PROGRESS);
            case "done" -> Optional.of(DemandTask.Status.DONE);
            default -> Optional.empty();
        };
    }
}
