package io.clearflow.engine.governance.catalog;

import io.clearflow.engine.governance.bpmn.ModelDiff;
import java.time.Instant;
import java.util.List;

/**
 * A published version of a scenario's process: one Flowable deployment. The newest is active; the
 * ones before are superseded (their definitions suspended: no new instances, running ones go on).
 *
 * @param runningInstances what the owner chose for instances of older versions: continue or migrate
 * @param changes          what changed against the version before (empty for the first)
 */
public record Version(long id, String scenarioId, int versionNo, long designId, String deploymentId,
                      String processDefinitionId, String runningInstances, String migrationResult,
                      String publishedBy, Instant publishedAt, Instant supersededAt, List<ModelDiff.Change> changes) {

    public boolean active() {
        return supersededAt == null;
    }
}
