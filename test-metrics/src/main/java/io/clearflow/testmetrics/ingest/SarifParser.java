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
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * SARIF 2.1.0 logs from any scanner, read run by run (one run is in memory at a time). Each result
 * ({@link SarifResults}) gets its effective level as SARIF §3.27.10 defines it: a {@code kind} other than {@code fail} means
 * {@code none}; else the result's {@code level}; else the rule's {@code defaultConfiguration.level}, the rule
 * found by {@code ruleIndex} (or {@code rule.index}) or by {@code ruleId}, in the driver or in the extension
 * that {@code rule.toolComponent} names; else {@code warning}. Suppressed results are kept and counted,
 * with their suppression.
 */
final class SarifParser {

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
                        for (JsonNode result : SarifResults.iterable(run.path("results"))) {
                            EvidenceSink.ParsedFinding f = SarifResults.finding(run, tool, result);
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
}
