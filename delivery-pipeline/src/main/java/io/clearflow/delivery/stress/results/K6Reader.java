package io.clearflow.delivery.stress.results;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/** k6's summary export: figures k6 computed already (no samples), checked to be finite and non-negative. */
final class K6Reader {

    private K6Reader() {
    }

    /** A k6 {@code --summary-export} JSON: totals, and per-function figures of tagged sub-metrics. */
    static LoadSummary read(ObjectMapper json, InputStream in) throws IOException {
        JsonNode root;
        try (JsonParser parser = json.getFactory().createParser(in)) {
            root = json.readTree(parser);
        } catch (JsonProcessingException e) {
            throw new BadResultFileException("delivery.stress.error.truncated");
        }
        JsonNode metrics = root == null ? null : root.get("metrics");
        if (metrics == null || !metrics.isObject() || !metrics.has("http_reqs") || !metrics.has("http_req_duration")) {
            throw new BadResultFileException("delivery.stress.error.unknownFormat");
        }
        JsonNode reqs = metrics.get("http_reqs");
        long count = nonNegative(reqs.path("count"));
        if (count == 0) {
            throw new BadResultFileException("delivery.stress.error.noSamples");
        }
        double rate = nonNegativeDouble(reqs.path("rate"));
        JsonNode duration = metrics.get("http_req_duration");
        if (!duration.has("p(95)")) {
            // k6 exports only the summaryTrendStats it was run with; p(95) is among the defaults
            throw new BadResultFileException("delivery.stress.error.k6NoP95");
        }
        double p95 = nonNegativeDouble(duration.path("p(95)"));
        Double p50 = duration.has("med") ? nonNegativeDouble(duration.get("med")) : null;
        Double p99 = duration.has("p(99)") ? nonNegativeDouble(duration.get("p(99)")) : null;
        long failed = 0;
        double errorRate = 0;
        JsonNode fails = metrics.get("http_req_failed");
        if (fails != null) {
            // a Rate metric: "passes" counts true values, i.e. failed requests; "fails" the successful ones
            long failedCount = fails.has("passes") ? nonNegative(fails.get("passes")) : -1;
            long okCount = fails.has("fails") ? nonNegative(fails.get("fails")) : -1;
            if (failedCount >= 0 && okCount >= 0 && failedCount + okCount > 0) {
                failed = failedCount;
                errorRate = (double) failedCount / (failedCount + okCount);
            } else if (fails.has("value")) {
                errorRate = nonNegativeDouble(fails.get("value"));
                failed = Math.round(errorRate * count);
            }
        }
        if (errorRate > 1) {
            throw new BadResultFileException("delivery.stress.error.badNumber");
        }
        List<LoadSummary.LabelFigures> labels = new ArrayList<>();
        // thresholds on tagged sub-metrics appear as "http_req_duration{name:X}": per-function figures when present
        Iterator<Map.Entry<String, JsonNode>> fields = metrics.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> f = fields.next();
            String key = f.getKey();
            if (key.startsWith("http_req_duration{name:") && key.endsWith("}") && f.getValue().has("p(95)")) {
                String name = key.substring("http_req_duration{name:".length(), key.length() - 1);
                JsonNode tagged = metrics.path("http_reqs{name:" + name + "}");
                long n = tagged.has("count") ? nonNegative(tagged.get("count")) : 0;
                labels.add(new LoadSummary.LabelFigures(name, n, 0, tagged.has("rate")
                        ? nonNegativeDouble(tagged.get("rate")) : null, f.getValue().has("med")
                        ? nonNegativeDouble(f.getValue().get("med")) : null, nonNegativeDouble(f.getValue().get("p(95)")),
                        f.getValue().has("p(99)") ? nonNegativeDouble(f.getValue().get("p(99)")) : null, 0));
            }
        }
        return new LoadSummary(LoadFormat.K6_SUMMARY, count, failed, rate, p50, p95, p99, errorRate, null, null,
                List.of("throughput", "p95Ms", "p50Ms", "p99Ms", "errorRate"), labels, 0, List.of());
    }

    static long nonNegative(JsonNode n) {
        if (n == null || !n.isNumber() || n.asDouble() < 0 || n.asDouble() != Math.rint(n.asDouble())) {
            throw new BadResultFileException(n != null && n.isNumber() && n.asDouble() < 0
                    ? "delivery.stress.error.negativeTime" : "delivery.stress.error.badNumber");
        }
        return n.asLong();
    }

    static double nonNegativeDouble(JsonNode n) {
        if (n == null || !n.isNumber() || !Double.isFinite(n.asDouble())) {
            throw new BadResultFileException("delivery.stress.error.badNumber");
        }
        if (n.asDouble() < 0) {
            throw new BadResultFileException("delivery.stress.error.negativeTime");
        }
        return n.asDouble();
    }
}
