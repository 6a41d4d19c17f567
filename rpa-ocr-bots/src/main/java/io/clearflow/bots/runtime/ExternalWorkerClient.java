package io.clearflow.bots.runtime;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Flowable's external-worker REST API ({@code /external-job-api}): acquire jobs of a topic under a
 * lock, then complete, fail (with retries and a retry timeout) or throw a BPMN error for each.
 */
public class ExternalWorkerClient {

    static final String BASE = "/external-job-api/acquire/jobs";

    private final PlatformClient platform;

    public ExternalWorkerClient(PlatformClient platform) {
        this.platform = platform;
    }

    public PlatformClient platform() {
        return platform;
    }

    public List<ExternalJob> acquire(String topic, Duration lock, int count, String workerId) {
        JsonNode jobs = platform.postJson(BASE, Map.of("topic", topic, "lockDuration", lock.toString(),
                "numberOfTasks", count, "workerId", workerId));
        List<ExternalJob> acquired = new ArrayList<>();
        for (JsonNode job : jobs) {
            acquired.add(new ExternalJob(job.path("id").asText(), text(job, "processInstanceId"), text(job, "executionId"),
                    text(job, "elementId"), text(job, "elementName"), job.path("retries").asInt(0), variables(job.path("variables"))));
        }
        return acquired;
    }

    public void complete(String jobId, String workerId, Map<String, Object> variables) {
        platform.postJson(BASE + "/" + jobId + "/complete", Map.of("workerId", workerId, "variables", restVariables(variables)));
    }

    /** Fails the job; with retries left the engine offers it again after {@code retryTimeout}, else it becomes a dead letter. */
    public void fail(String jobId, String workerId, String message, String details, int retries, Duration retryTimeout) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("workerId", workerId);
        body.put("errorMessage", abbreviate(message, 255));
        body.put("errorDetails", abbreviate(details, 4000));
        body.put("retries", Math.max(0, retries));
        body.put("retryTimeout", retryTimeout.toString());
        platform.postJson(BASE + "/" + jobId + "/fail", body);
    }

    public void bpmnError(String jobId, String workerId, String errorCode, Map<String, Object> variables) {
        platform.postJson(BASE + "/" + jobId + "/bpmnError", Map.of("workerId", workerId, "errorCode", errorCode,
                "variables", restVariables(variables)));
    }

    /** Flowable REST variables: name, type and value. Only the simple types process variables may hold. */
    static List<Map<String, Object>> restVariables(Map<String, Object> variables) {
        List<Map<String, Object>> rest = new ArrayList<>();
        variables.forEach((name, value) -> {
            String type;
            if (value instanceof Boolean) {
                type = "boolean";
            } else if (value instanceof Integer) {
                type = "integer";
            } else if (value instanceof Long) {
                type = "long";
            } else if (value instanceof Double) {
                type = "double";
            } else if (value instanceof String) {
                type = "string";
            } else {
                throw new IllegalArgumentException("variable " + name + ": only booleans, numbers and strings, not "
                        + (value == null ? "null" : value.getClass().getSimpleName()));
            }
            rest.add(Map.of("name", name, "type", type, "value", value));
        });
        return rest;
    }

    private static Map<String, Object> variables(JsonNode list) {
        Map<String, Object> variables = new LinkedHashMap<>();
        for (JsonNode v : list) {
            JsonNode value = v.path("value");
            Object converted = value.isNull() || value.isMissingNode() ? null
                    : value.isBoolean() ? value.booleanValue()
                    : value.isIntegralNumber() ? (Object) value.longValue()
                    : value.isNumber() ? (Object) value.doubleValue()
                    : value.asText();
            variables.put(v.path("name").asText(), converted);
        }
        return variables;
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.path(field);
        return value.isMissingNode() || value.isNull() ? null : value.asText();
    }

    private static String abbreviate(String text, int max) {
        if (text == null) {
            return "";
        }
        return text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }
}
