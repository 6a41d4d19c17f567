package io.clearflow.delivery.version;

import java.util.List;
import java.util.Set;

/**
 * A version as the flows see it.
 *
 * @param system      application system code, e.g. {@code ctrade}; also the test-metrics {@code project}
 * @param version     version label, e.g. {@code 2.3.0}; also the test-metrics {@code version}
 * @param critical    the system is critical information infrastructure (stress-test and code-audit
 *                    evidence become mandatory for production changes)
 * @param ownerDepartment the system's owner department (group id)
 * @param developers  users who authored the version's artifacts: they may not approve its changes
 * @param demandIds   the demands the version delivers
 */
public record VersionRef(long id, String system, String version, boolean critical, String ownerDepartment,
                         Set<String> developers, List<Long> demandIds) {

    public VersionRef {
        developers = Set.copyOf(developers);
        demandIds = List.copyOf(demandIds);
    }
}
