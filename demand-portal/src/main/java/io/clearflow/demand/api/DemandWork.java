package io.clearflow.demand.api;

import java.util.List;
import java.util.Optional;

/**
 * Read access for the delivery module: a demand with the development tasks it was split into and their
 * Jira keys, so that a version can show what it delivers without reading the portal's tables.
 */
public interface DemandWork {

    /** The demand and its split tasks, or empty when there is no such demand. */
    Optional<DemandWorkItem> find(long demandId);

    /**
     * @param department the requesting business department (group id)
     * @param tasks      the split tasks in order, empty before the demand is split
     */
    record DemandWorkItem(long id, String title, DemandState state, String department, List<TaskRef> tasks) {

        public DemandWorkItem {
            tasks = List.copyOf(tasks);
        }
    }

    /**
     * @param status    TODO, IN_PROGRESS or DONE
     * @param jiraKey   the mirrored Jira issue, null when Jira is not configured or not synced yet
     */
    record TaskRef(long id, String title, String status, String jiraKey, String jiraStatus) {
    }
}
