package io.clearflow.ops;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** The provisioned dashboard JSON files and the Prometheus queries in them. */
final class GrafanaDashboards {

    /** deploy/grafana, relative to the module directory Maven runs the tests in. */
    static final Path GRAFANA = Path.of("grafana");

    /** One query: where it is (for failure messages) and its PromQL. */
    record Query(String where, String expression, boolean variable) { }

    /** A panel that shows data, with its queries (empty when someone forgot them). */
    record Panel(String where, JsonNode json, List<Query> queries) { }

    private static final ObjectMapper JSON = new ObjectMapper();

    private GrafanaDashboards() {
    }

    static List<Path> files() {
        try (Stream<Path> files = Files.walk(GRAFANA)) {
            return files.filter(f -> f.toString().endsWith(".json")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + GRAFANA.toAbsolutePath(), e);
        }
    }

    static JsonNode read(Path file) {
        try {
            return JSON.readTree(file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException("not valid JSON: " + file, e);
        }
    }

    /** Every non-row panel, including those nested in collapsed rows. */
    static List<Panel> panels(Path file) {
        JsonNode dashboard = read(file);
        List<Panel> panels = new ArrayList<>();
        collect(file.getFileName() + " › ", dashboard.path("panels"), panels);
        return panels;
    }

    private static void collect(String prefix, JsonNode nodes, List<Panel> into) {
        for (JsonNode panel : nodes) {
            if ("row".equals(panel.path("type").asText())) {
                collect(prefix, panel.path("panels"), into); // a collapsed row keeps its panels inside
                continue;
            }
            String where = prefix + "panel \"" + panel.path("title").asText("(untitled)") + "\"";
            List<Query> queries = new ArrayList<>();
            for (JsonNode target : panel.path("targets")) {
                String expr = target.path("expr").asText("");
                if (!expr.isBlank()) {
                    queries.add(new Query(where + " target " + target.path("refId").asText("?"), expr, false));
                }
            }
            into.add(new Panel(where, panel, queries));
        }
    }

    /** Template-variable queries; their metrics must exist too or the variable's menu stays empty. */
    static List<Query> variableQueries(Path file) {
        List<Query> queries = new ArrayList<>();
        for (JsonNode variable : read(file).path("templating").path("list")) {
            if (!"query".equals(variable.path("type").asText())) {
                continue;
            }
            JsonNode query = variable.path("query");
            String text = query.isTextual() ? query.asText() : query.path("query").asText("");
            if (!text.isBlank()) {
                queries.add(new Query(file.getFileName() + " › variable $" + variable.path("name").asText(), text, true));
            }
        }
        return queries;
    }

    static List<Query> allQueries(Path file) {
        List<Query> queries = new ArrayList<>();
        panels(file).forEach(p -> queries.addAll(p.queries()));
        queries.addAll(variableQueries(file));
        return queries;
    }
}
