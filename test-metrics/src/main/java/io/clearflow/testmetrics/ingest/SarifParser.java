package io.clearflow.testmetrics.ingest;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * SARIF 2.1.0 logs from any scanner, read run by run (one run is in memory at a time). Each result gets
 * its effective level as SARIF §3.27.10 defines it: a {@code kind} other than {@code fail} means
 * {@code none}; else the result's {@code level}; else the rule's {@code defaultConfiguration.level}, the rule
 * found by {@code ruleIndex} (or {@code rule.index}) or by {@code ruleId}, in the driver or in the extension
 * that {@code rule.toolComponent} names; else {@code warning}. Suppressed results are kept and counted,
 * with their suppression.
 */
final class SarifParser {

    static final Set<String> LEVELS = Set.of("none", "note", "warning", "error");
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final JsonFactory FACTORY = JsonFactory.builder()
            .disable(com.fasterxml.jackson.core.StreamReadFeature.AUTO_CLOSE_SOURCE)
            .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(200)
                    .maxStringLength(5_000_000).build())
            .build();

    private SarifParser() {
    }

    static Map<String, Object> parse(InputStream in, EvidenceSink sink) throws IOException {
        long[] byLevel = new long[4]; // error, warning, note, none
        long results = 0, suppressed = 0, runs = 0;
        String version = null;
        List<String> tools = new ArrayList<>();
        try (JsonParser p = FACTORY.createParser(in)) {
            p.setCodec(MAPPER);
            if (p.nextToken() != JsonToken.START_OBJECT) {
                throw ReportRejectedException.malformed("the JSON is not a SARIF log (not an object)");
            }
            boolean sawRuns = false;
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                JsonToken value = p.nextToken();
                if ("version".equals(field)) {
                    version = value == JsonToken.VALUE_STRING ? p.getText() : "?";
                    p.skipChildren();
                } else if ("runs".equals(field)) {
                    if (value != JsonToken.START_ARRAY) {
                        throw ReportRejectedException.malformed("SARIF 'runs' is not an array");
                    }
                    sawRuns = true;
                    if (version != null) {
                        checkVersion(version); // runs of another SARIF version are not read at all
                    }
                    while (p.nextToken() == JsonToken.START_OBJECT) {
                        JsonNode run = p.readValueAsTree();
                        runs++;
                        String tool = run.path("tool").path("driver").path("name").asText("");
                        if (tool.isEmpty()) {
                            throw ReportRejectedException.malformed("SARIF run " + runs + " has no tool.driver.name");
                        }
                        tools.add(tool);
                        for (JsonNode result : iterable(run.path("results"))) {
                            EvidenceSink.ParsedFinding f = finding(run, tool, result);
                            results++;
                            byLevel[switch (f.level()) {
                                case "error" -> 0;
                                case "warning" -> 1;
                                case "note" -> 2;
                                default -> 3;
                            }]++;
                            if (f.suppressed()) {
                                suppressed++;
                            }
                            sink.finding(f);
                        }
                    }
                    if (p.currentToken() != JsonToken.END_ARRAY) {
                        throw ReportRejectedException.malformed("SARIF 'runs' holds something that is not a run object");
                    }
                } else {
                    p.skipChildren();
                }
            }
            if (version == null || !sawRuns) {
                throw ReportRejectedException.malformed("the JSON is not a SARIF log (it needs 'version' and 'runs')");
            }
            checkVersion(version);
            if (p.nextToken() != null) {
                throw ReportRejectedException.malformed("the JSON has content after the SARIF log");
            }
        } catch (JsonProcessingException e) {
            var at = e.getLocation();
            throw ReportRejectedException.malformed("the JSON is not well-formed"
                    + (at == null ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr()));
        }
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("results", results);
        summary.put("error", byLevel[0]);
        summary.put("warning", byLevel[1]);
        summary.put("note", byLevel[2]);
        summary.put("none", byLevel[3]);
        summary.put("suppressed", suppressed);
        summary.put("runs", runs);
        summary.put("tools", tools);
        summary.put("version", version);
        return summary;
    }

    private static void checkVersion(String version) {
        if (!"2.1.0".equals(version)) {
            throw new ReportRejectedException(ReportRejectedException.Reason.UNSUPPORTED,
                    "SARIF version " + ReportRejectedException.quote(version) + " is not supported; only 2.1.0 is");
        }
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

    private static Iterable<JsonNode> iterable(JsonNode node) {
        if (!node.isArray()) {
            return List.of();
        }
        return () -> {
            Iterator<JsonNode> it = node.elements();
            return it;
        };
    }
}
