package io.clearflow.delivery.stress.results;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedInputStream;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Reads a load tool's result file, recognising the format by its content, in one streaming pass (a JTL is never
 * held in memory: only the elapsed times, as ints). Anything else — binary, empty, truncated, an XML with a DTD,
 * negative times — is a {@link BadResultFileException}; nothing is half-read into a result.
 */
public final class LoadResultReader {

    private static final int SNIFF = 8192;
    private static final List<String> LOCUST_STATS_HEADER = List.of("type", "name", "request count", "failure count");

    private final ObjectMapper json = new ObjectMapper();

    public LoadSummary read(InputStream raw) {
        try {
            BufferedInputStream in = new BufferedInputStream(raw, 1 << 16);
            in.mark(SNIFF);
            byte[] head = in.readNBytes(SNIFF);
            in.reset();
            String start = sniff(head);
            if (start.isEmpty()) {
                throw new BadResultFileException("delivery.stress.error.empty");
            }
            char first = start.charAt(0);
            if (first == '<') {
                return readJtlXml(in);
            }
            if (first == '{') {
                return readK6(in);
            }
            return readCsv(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The file's beginning as text without BOM and leading blanks; binary content is refused here. */
    private static String sniff(byte[] head) {
        for (byte b : head) {
            if (b == 0) {
                throw new BadResultFileException("delivery.stress.error.binary");
            }
        }
        // a full window may end inside a multi-byte character: then an incomplete last sequence is not an error
        CharBuffer chars = CharBuffer.allocate(head.length);
        CoderResult result = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT)
                .decode(ByteBuffer.wrap(head), chars, head.length < SNIFF);
        if (result.isError()) {
            throw new BadResultFileException("delivery.stress.error.binary");
        }
        String text = chars.flip().toString();
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        return text.stripLeading();
    }

    // ---------------------------------------------------------------- CSV: JMeter JTL, Locust stats and history

    private LoadSummary readCsv(InputStream in) throws IOException {
        BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8), 1 << 16);
        String headerLine = reader.readLine();
        while (headerLine != null && headerLine.isBlank()) {
            headerLine = reader.readLine();
        }
        if (headerLine == null) {
            throw new BadResultFileException("delivery.stress.error.empty");
        }
        if (headerLine.startsWith("\uFEFF")) {
            headerLine = headerLine.substring(1);
        }
        List<String> header = Csv.split(headerLine);
        Map<String, Integer> columns = new HashMap<>();
        for (int i = 0; i < header.size(); i++) {
            columns.putIfAbsent(header.get(i).strip().toLowerCase(Locale.ROOT), i);
        }
        if (columns.containsKey("timestamp") && columns.containsKey("elapsed")) {
            return readJtlCsv(reader, columns, header.size());
        }
        if (columns.containsKey("timestamp") && columns.containsKey("user count")
                && columns.containsKey("total request count")) {
            return LocustReader.history(reader, columns);
        }
        if (columns.keySet().containsAll(LOCUST_STATS_HEADER)) {
            return LocustReader.stats(reader, columns);
        }
        throw new BadResultFileException("delivery.stress.error.unknownFormat");
    }

    private static LoadSummary readJtlCsv(BufferedReader reader, Map<String, Integer> columns, int width)
            throws IOException {
        int ts = columns.get("timestamp");
        int elapsed = columns.get("elapsed");
        int label = columns.getOrDefault("label", -1);
        int success = columns.getOrDefault("success", -1);
        int code = columns.getOrDefault("responsecode", -1);
        SampleAccumulator samples = new SampleAccumulator(LoadFormat.JMETER_CSV);
        String[] cells = new String[width];
        String line;
        while ((line = reader.readLine()) != null) {
            if (line.isEmpty()) {
                continue;
            }
            int n = Csv.split(line, cells, reader);
            if (n != width) {
                // a short last line is what a killed JMeter leaves behind: the file is truncated
                throw new BadResultFileException("delivery.stress.error.truncated");
            }
            samples.add(label < 0 ? "(all)" : cells[label], number(cells[ts]), number(cells[elapsed]),
                    success >= 0 ? "true".equalsIgnoreCase(cells[success].strip())
                            : code < 0 || okCode(cells[code]));
        }
        return samples.summary();
    }

    /** Without a success column, an HTTP status below 400 counts as success (JMeter's own default rule). */
    private static boolean okCode(String code) {
        String c = code.strip();
        return c.length() == 3 && (c.charAt(0) == '1' || c.charAt(0) == '2' || c.charAt(0) == '3');
    }

    static long number(String s) {
        String v = s.strip();
        if (v.isEmpty()) {
            throw new BadResultFileException("delivery.stress.error.badNumber");
        }
        long result = 0;
        boolean negative = v.charAt(0) == '-';
        int i = negative ? 1 : 0;
        if (i == v.length()) {
            throw new BadResultFileException("delivery.stress.error.badNumber");
        }
        for (; i < v.length(); i++) {
            char c = v.charAt(i);
            // JMeter's timeStamp may be configured as a date: only epoch milliseconds are read
            if (c < '0' || c > '9' || result > (Long.MAX_VALUE - 9) / 10) {
                throw new BadResultFileException("delivery.stress.error.badNumber");
            }
            result = result * 10 + (c - '0');
        }
        if (negative) {
            throw new BadResultFileException("delivery.stress.error.negativeTime");
        }
        return result;
    }

    // ---------------------------------------------------------------- JTL XML

    private static LoadSummary readJtlXml(InputStream in) {
        XMLInputFactory factory = XMLInputFactory.newFactory();
        // no DTDs, no external entities: a JTL has neither, so a file carrying them is refused (XXE, entity bombs)
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        factory.setProperty(XMLInputFactory.IS_REPLACING_ENTITY_REFERENCES, false);
        SampleAccumulator samples = new SampleAccumulator(LoadFormat.JMETER_XML);
        XMLStreamReader xml = null;
        try {
            xml = factory.createXMLStreamReader(in);
            int depth = 0;
            boolean rootSeen = false;
            while (xml.hasNext()) {
                int event = xml.next();
                if (event == XMLStreamConstants.DTD) {
                    throw new BadResultFileException("delivery.stress.error.dtd");
                }
                if (event == XMLStreamConstants.ENTITY_REFERENCE) {
                    throw new BadResultFileException("delivery.stress.error.dtd");
                }
                if (event == XMLStreamConstants.START_ELEMENT) {
                    depth++;
                    String name = xml.getLocalName();
                    if (depth == 1) {
                        if (!"testResults".equals(name)) {
                            throw new BadResultFileException("delivery.stress.error.unknownFormat");
                        }
                        rootSeen = true;
                    } else if (depth == 2 && ("httpSample".equals(name) || "sample".equals(name))) {
                        // only top-level samples count: nested ones are sub-results (embedded resources, redirects)
                        String t = xml.getAttributeValue(null, "t");
                        String ts = xml.getAttributeValue(null, "ts");
                        if (t == null || ts == null) {
                            throw new BadResultFileException("delivery.stress.error.missingTimes");
                        }
                        String lb = xml.getAttributeValue(null, "lb");
                        String s = xml.getAttributeValue(null, "s");
                        String rc = xml.getAttributeValue(null, "rc");
                        samples.add(lb == null ? "(all)" : lb, number(ts), number(t),
                                s != null ? "true".equals(s) : rc == null || okCode(rc));
                    }
                } else if (event == XMLStreamConstants.END_ELEMENT) {
                    depth--;
                }
            }
            if (!rootSeen || depth != 0) {
                throw new BadResultFileException("delivery.stress.error.truncated");
            }
            return samples.summary();
        } catch (XMLStreamException e) {
            // truncated or not well-formed; also an undeclared entity, which is what a DTD-less XXE attempt becomes
            throw new BadResultFileException("delivery.stress.error.truncated");
        } finally {
            if (xml != null) {
                try {
                    xml.close();
                } catch (XMLStreamException ignored) {
                    // nothing left to release
                }
            }
        }
    }

    // ---------------------------------------------------------------- k6 --summary-export

    private LoadSummary readK6(InputStream in) throws IOException {
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
