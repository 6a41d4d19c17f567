package io.clearflow.bots.runtime;

import java.util.Map;

/** One job as the engine's external-worker API hands it out (its variables already converted to Java values). */
public record ExternalJob(String id, String processInstanceId, String executionId, String elementId,
                          String elementName, int retries, Map<String, Object> variables) {

    /**
     * The job's idempotency key: case, activity and job id. A re-delivery after an expired lock has the
     * same job id; a later visit of the same activity (a loop) is a new job and so a new key.
     */
    public String idempotencyKey() {
        return processInstanceId + "/" + elementId + "/" + id;
    }
}
