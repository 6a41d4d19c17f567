package io.clearflow.testmetrics.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * One SARIF result as a finding: its rule (by index or id, in the driver or an extension), its effective level
 * (SARIF §3.27.10, see {@link SarifParser}), its message, location, suppression and fingerprint.
 */
final class SarifResults {

    static final Set<String> LEVELS = Set.of("none", "note", "warning", "error");

    private SarifResults() {
    }

    static EvidenceSink.ParsedFinding finding(JsonNode run, String tool, JsonNode result) {
        JsonNode rule = rule(run, result);
        String ruleId = text(result.get("ruleId"));
        if (ruleId == null) {
            ruleId = text(result.path("rule").get("id"));
        }
        if (ruleId == null && rule != null) {
            ruleId = text(rule.get("id"));
        }
        String level = effectiveLevel(result, rule);
        String message = text(result.path("message").get("text"));
        if (message == null && rule != null) {
            String id = text(result.path("message").get("id"));
            message = id == null ? null : text(rule.path("messageStrings").path(id).get("text"));
        }
        JsonNode physical = result.path("locations").path(0).path("physicalLocation");
        JsonNode artifact = physical.path("artifactLocation");
        String uri = text(artifact.get("uri"));
        if (uri == null && artifact.has("index")) {
            uri = text(run.path("artifacts").path(artifact.path("index").asInt(-1)).path("location").get("uri"));
        }
        Integer startLine = physical.path("region").has("startLine") ? physical.path("region").get("startLine").asInt() : null;
        String suppression = null;
        boolean suppressed = false;
        for (JsonNode s : iterable(result.path("suppressions"))) {
            String status = text(s.get("status"));
            if (status == null || "accepted".equals(status)) {
                suppressed = true;
                String justification = text(s.get("justification"));
                suppression = (text(s.get("kind")) == null ? "external" : text(s.get("kind")))
                        + (status == null ? "" : "/" + status) + (justification == null ? "" : ": " + justification);
                break;
            }
        }
        return new EvidenceSink.ParsedFinding(tool, ruleId, level, message, uri, startLine,
                fingerprint(tool, ruleId, uri, message, result), suppressed, suppression);
    }

    /** SARIF §3.27.10, as the issue words it. */
    static String effectiveLevel(JsonNode result, JsonNode rule) {
        String kind = text(result.get("kind"));
        if (kind != null && !"fail".equals(kind)) {
            return "none";
        }
        String level = text(result.get("level"));
        if (level == null && rule != null) {
            level = text(rule.path("defaultConfiguration").get("level"));
        }
        if (level == null) {
            return "warning";
        }
        if (!LEVELS.contains(level)) {
            throw ReportRejectedException.malformed("a SARIF result has level " + ReportRejectedException.quote(level)
                    + "; levels are none, note, warning, error");
        }
        return level;
    }

    /** The rule's reportingDescriptor: by index or id, in the driver or the extension the result names. */
    static JsonNode rule(JsonNode run, JsonNode result) {
        JsonNode tool = run.path("tool");
        JsonNode component = tool.path("driver");
        JsonNode ref = result.path("rule");
        JsonNode toolComponent = ref.path("toolComponent");
        if (toolComponent.isObject()) {
            if (toolComponent.has("index")) {
                component = tool.path("extensions").path(toolComponent.get("index").asInt(-1));
            } else if (toolComponent.has("name")) {
                for (JsonNode extension : iterable(tool.path("extensions"))) {
                    if (toolComponent.get("name").asText().equals(extension.path("name").asText())) {
                        component = extension;
                    }
                }
            }
        }
        int index = result.has("ruleIndex") ? result.get("ruleIndex").asInt(-1) : ref.path("index").asInt(-1);
        if (index >= 0 && component.path("rules").has(index)) {
            return component.path("rules").get(index);
        }
        String id = text(result.get("ruleId"));
        if (id == null) {
            id = text(ref.get("id"));
        }
        if (id == null) {
            return null;
        }
        List<JsonNode> components = new ArrayList<>();
        components.add(component);
        components.add(tool.path("driver"));
        iterable(tool.path("extensions")).forEach(components::add);
        for (JsonNode c : components) {
            for (JsonNode r : iterable(c.path("rules"))) {
                if (id.equals(r.path("id").asText(null))) {
                    return r;
                }
            }
        }
        return null;
    }

    /**
     * The tool's own fingerprints when it gives any ({@code fingerprints}, else {@code partialFingerprints}),
     * else tool, rule, file and message: a moved line keeps the finding, a changed message makes a new one.
     */
    static String fingerprint(String tool, String ruleId, String uri, String message, JsonNode result) {
        StringBuilder key = new StringBuilder(tool).append('\u0000');
        JsonNode given = result.path("fingerprints");
        if (!given.isObject() || given.isEmpty()) {
            given = result.path("partialFingerprints");
        }
        if (given.isObject() && !given.isEmpty()) {
            Map<String, String> sorted = new TreeMap<>();
            given.fields().forEachRemaining(e -> sorted.put(e.getKey(), e.getValue().asText()));
            sorted.forEach((k, v) -> key.append(k).append('=').append(v).append('\u0000'));
        } else {
            key.append(ruleId).append('\u0000').append(uri).append('\u0000').append(message);
        }
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(key.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String text(JsonNode node) {
        return node == null || node.isNull() || node.isMissingNode() || node.isContainerNode() ? null : node.asText();
    }

    static Iterable<JsonNode> iterable(JsonNode node) {
        if (!node.isArray()) {
            return List.of();
        }
        return () -> {
            Iterator<JsonNode> it = node.elements();
            return it;
        };
    }
}
