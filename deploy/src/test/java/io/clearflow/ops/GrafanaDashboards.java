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

/** The provisioned dashboard JSON files, their panels, queries (PromQL and SQL) and template variables. */
final class GrafanaDashboards {

    /** deploy/grafana, relative to the module directory Maven runs the tests in. */
    static final Path GRAFANA = Path.of("grafana");
    static final Path DASHBOARDS = GRAFANA.resolve("dashboards");

    /** The language of a query: what the datasource it is sent to speaks. */
    enum Language { PROMQL, SQL }

    /**
     * One query: where it is (for failure messages), its text and language, whether it is a template
     * variable's query, and for SQL the result format Grafana asks for ({@code table} or {@code time_series}).
     */
    record Query(String where, String expression, boolean variable, Language language, String format) {
        Query(String where, String expression, boolean variable) {
            this(where, expression, variable, Language.PROMQL, null);
        }
    }

    /** A panel that shows data, with its queries (empty when someone forgot them). */
    record Panel(String where, JsonNode json, List<Query> queries) { }

    /** A template variable: its name, query (with language) and the value standing for "All". */
    record Variable(String where, String name, JsonNode json, Query query, String allValue) { }

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

    /** The row panels: they group, show no data and need no query. */
    static List<JsonNode> rows(Path file) {
        List<JsonNode> rows = new ArrayList<>();
        read(file).path("panels").forEach(p -> {
            if ("row".equals(p.path("type").asText())) {
                rows.add(p);
            }
        });
        return rows;
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
                String at = where + " target " + target.path("refId").asText("?");
                String expr = target.path("expr").asText("");
                String sql = target.path("rawSql").asText("");
                if (!expr.isBlank()) {
                    queries.add(new Query(at, expr, false));
                } else if (!sql.isBlank()) {
                    queries.add(new Query(at, sql, false, Language.SQL, target.path("format").asText("time_series")));
                }
            }
            into.add(new Panel(where, panel, queries));
        }
    }

    /** Template variables of type query, with the language of the datasource they ask. */
    static List<Variable> variables(Path file) {
        List<Variable> variables = new ArrayList<>();
        for (JsonNode variable : read(file).path("templating").path("list")) {
            String name = variable.path("name").asText();
            String where = file.getFileName() + " › variable $" + name;
            JsonNode query = variable.path("query");
            String text = query.isTextual() ? query.asText() : query.path("query").asText("");
            Language language = isSql(variable.path("datasource")) ? Language.SQL : Language.PROMQL;
            Query q = text.isBlank() ? null : new Query(where, text, true, language, "table");
            variables.add(new Variable(where, name, variable, q, variable.path("allValue").asText(null)));
        }
        return variables;
    }

    /** Template-variable queries; their metrics must exist too or the variable's menu stays empty. */
    static List<Query> variableQueries(Path file) {
        return variables(file).stream().map(Variable::query).filter(q -> q != null).toList();
    }

    static List<Query> allQueries(Path file) {
        List<Query> queries = new ArrayList<>();
        panels(file).forEach(p -> queries.addAll(p.queries()));
        queries.addAll(variableQueries(file));
        return queries;
    }

    static boolean isSql(JsonNode datasource) {
        String type = datasource.path("type").asText("");
        return type.equals("grafana-postgresql-datasource") || type.equals("postgres");
    }
}
