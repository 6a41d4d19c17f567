package io.clearflow.mining;

import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.GZIPInputStream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * An independent reading of a raw log for tests: DOM instead of StAX, java.time instead of the
 * hand-written timestamp parser, lists of strings instead of columns. The analyses are recomputed
 * here from the definitions in issue 5 so the production code is checked against a second
 * implementation, not against itself.
 */
public record ReferenceLog(Map<String, List<Event>> cases) {

    public record Event(String activity, long time, String lifecycle) {
    }

    public record EdgeStats(long frequency, double mean, double median) {
    }

    public static ReferenceLog xes(Path file) throws Exception {
        Map<String, List<Event>> cases = new LinkedHashMap<>();
        try (InputStream raw = Files.newInputStream(file);
             InputStream in = file.toString().endsWith(".gz") ? new GZIPInputStream(raw) : raw) {
            var document = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(in);
            var traces = document.getDocumentElement().getElementsByTagName("trace");
            for (int t = 0; t < traces.getLength(); t++) {
                Element trace = (Element) traces.item(t);
                String caseId = null;
                List<Event> events = new ArrayList<>();
                for (Node child = trace.getFirstChild(); child != null; child = child.getNextSibling()) {
                    if (!(child instanceof Element element)) {
                        continue;
                    }
                    if (element.getTagName().equals("event")) {
                        Map<String, String> attributes = new HashMap<>();
                        for (Node a = element.getFirstChild(); a != null; a = a.getNextSibling()) {
                            if (a instanceof Element attribute) {
                                attributes.put(attribute.getAttribute("key"), attribute.getAttribute("value"));
                            }
                        }
                        events.add(new Event(attributes.get("concept:name"),
                                OffsetDateTime.parse(attributes.get("time:timestamp")).toInstant().toEpochMilli(),
                                attributes.get("lifecycle:transition")));
                    } else if ("concept:name".equals(element.getAttribute("key"))) {
                        caseId = element.getAttribute("value");
                    }
                }
                cases.computeIfAbsent(caseId, k -> new ArrayList<>()).addAll(events);
            }
        }
        return sorted(cases);
    }

    /** A plain split on commas: the shared receipt.csv has no quoted fields. */
    public static ReferenceLog csv(Path file) throws Exception {
        DateTimeFormatter format = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSSSSSXXX");
        Map<String, List<Event>> cases = new LinkedHashMap<>();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(Files.newInputStream(file), StandardCharsets.UTF_8))) {
            List<String> header = Arrays.asList(reader.readLine().split(","));
            int caseColumn = header.indexOf("case:concept:name");
            int activity = header.indexOf("concept:name");
            int time = header.indexOf("time:timestamp");
            int lifecycle = header.indexOf("lifecycle:transition");
            String line;
            while ((line = reader.readLine()) != null) {
                String[] f = line.split(",", -1);
                cases.computeIfAbsent(f[caseColumn], k -> new ArrayList<>()).add(new Event(f[activity],
                        OffsetDateTime.parse(f[time], format).toInstant().toEpochMilli(), f[lifecycle]));
            }
        }
        return sorted(cases);
    }

    private static ReferenceLog sorted(Map<String, List<Event>> cases) {
        cases.values().forEach(events -> events.sort(Comparator.comparingLong(Event::time))); // List.sort is stable
        return new ReferenceLog(cases);
    }

    public long events() {
        return cases.values().stream().mapToLong(List::size).sum();
    }

    public long activities() {
        return cases.values().stream().flatMap(List::stream).map(Event::activity).distinct().count();
    }

    public long first() {
        return cases.values().stream().flatMap(List::stream).mapToLong(Event::time).min().orElseThrow();
    }

    public long last() {
        return cases.values().stream().flatMap(List::stream).mapToLong(Event::time).max().orElseThrow();
    }

    /** Complete events only when any event has a lifecycle (case-insensitive), else all. */
    public List<List<Event>> traces() {
        boolean lifecycle = cases.values().stream().flatMap(List::stream).anyMatch(e -> e.lifecycle() != null);
        return cases.values().stream().map(events -> events.stream()
                .filter(e -> !lifecycle || e.lifecycle() == null || e.lifecycle().equalsIgnoreCase("complete"))
                .toList()).toList();
    }

    public Map<String, Long> activityFrequencies() {
        Map<String, Long> counts = new TreeMap<>();
        traces().forEach(t -> t.forEach(e -> counts.merge(e.activity(), 1L, Long::sum)));
        return counts;
    }

    public Map<List<String>, EdgeStats> edges() {
        Map<List<String>, List<Long>> durations = new HashMap<>();
        for (List<Event> trace : traces()) {
            for (int i = 1; i < trace.size(); i++) {
                durations.computeIfAbsent(List.of(trace.get(i - 1).activity(), trace.get(i).activity()), k -> new ArrayList<>())
                        .add(trace.get(i).time() - trace.get(i - 1).time());
            }
        }
        Map<List<String>, EdgeStats> edges = new HashMap<>();
        durations.forEach((edge, values) -> {
            List<Long> sorted = values.stream().sorted().toList();
            int n = sorted.size();
            double median = n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2.0;
            edges.put(edge, new EdgeStats(n, values.stream().mapToLong(Long::longValue).average().orElseThrow(), median));
        });
        return edges;
    }

    public Map<String, Long> startActivities() {
        Map<String, Long> counts = new TreeMap<>();
        traces().stream().filter(t -> !t.isEmpty()).forEach(t -> counts.merge(t.get(0).activity(), 1L, Long::sum));
        return counts;
    }

    public Map<String, Long> endActivities() {
        Map<String, Long> counts = new TreeMap<>();
        traces().stream().filter(t -> !t.isEmpty()).forEach(t -> counts.merge(t.get(t.size() - 1).activity(), 1L, Long::sum));
        return counts;
    }

    public Map<List<String>, Long> variants() {
        Map<List<String>, Long> counts = new HashMap<>();
        traces().forEach(t -> counts.merge(t.stream().map(Event::activity).toList(), 1L, Long::sum));
        return counts;
    }
}
