package io.clearflow.ops;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * Grafana cannot run here, so the provisioned dashboards are checked for what Grafana would refuse or
 * show broken: duplicate uids (a later file silently replaces an earlier one), datasources that are not
 * provisioned, panel types Grafana does not ship, variables a query uses but no one defines, and panels a
 * reader cannot understand (no Chinese title, no description). Whether the queries return data is proven
 * against a real Prometheus and PostgreSQL by {@link DashboardsAgainstPrometheusTest}.
 */
class GrafanaDashboardTest {

    /** Panel types of a stock Grafana 11 (no plugins to install). */
    static final Set<String> KNOWN_PANEL_TYPES = Set.of("row", "stat", "timeseries", "table", "bargauge", "gauge",
            "piechart", "barchart", "text", "histogram", "heatmap", "state-timeline", "status-history", "logs");
    private static final Pattern CHINESE = Pattern.compile("\\p{IsHan}");
    private static final Pattern VARIABLE_USE = Pattern.compile("\\$\\{(\\w+)(?::\\w+)?}|\\$(\\w+)|\\[\\[(\\w+)]]");
    private static final Path DATASOURCES = GrafanaDashboards.GRAFANA.resolve(Path.of("provisioning", "datasources"));

    @Test
    void everyDashboardHasItsOwnUidAndAChineseTitle() {
        List<Path> files = GrafanaDashboards.files();
        assertThat(files).as("dashboards under %s", GrafanaDashboards.DASHBOARDS.toAbsolutePath()).hasSizeGreaterThanOrEqualTo(7);
        Map<String, Path> byUid = new HashMap<>();
        for (Path file : files) {
            JsonNode dashboard = GrafanaDashboards.read(file);
            String uid = dashboard.path("uid").asText("");
            assertThat(uid).as("%s has a uid", file).matches("[a-z0-9-]{1,40}");
            Path before = byUid.put(uid, file);
            assertThat(before).as("uid %s of %s already used by %s", uid, file, before).isNull();
            assertThat(dashboard.path("title").asText()).as("%s title", file).containsPattern(CHINESE);
            assertThat(dashboard.path("description").asText()).as("%s description", file).isNotBlank();
        }
        assertThat(byUid).containsKeys("clearflow-processes", "clearflow-governance", "clearflow-mining",
                "clearflow-delivery", "clearflow-quality", "clearflow-regtech", "clearflow-bots");
    }

    @Test
    void everyDatasourceADashboardNamesIsProvisionedWithThatType() throws IOException {
        Map<String, String> provisioned = provisionedDatasources();
        assertThat(provisioned).containsEntry("clearflow-prometheus", "prometheus")
                .containsEntry("clearflow-postgres", "grafana-postgresql-datasource");
        List<String> wrong = new ArrayList<>();
        for (Path file : GrafanaDashboards.files()) {
            for (JsonNode datasource : GrafanaDashboards.read(file).findValues("datasource")) {
                String uid = datasource.path("uid").asText(null);
                String type = datasource.path("type").asText(null);
                if (uid == null || !type.equals(provisioned.get(uid))) {
                    wrong.add(file.getFileName() + ": " + datasource);
                }
            }
        }
        assertThat(wrong).as("datasource references without a provisioned uid and type").isEmpty();
    }

    @Test
    void everyPanelIsOfAKnownTypeTitledInChineseDescribedAndQueried() {
        List<String> problems = new ArrayList<>();
        int panels = 0;
        for (Path file : GrafanaDashboards.files()) {
            for (JsonNode row : GrafanaDashboards.rows(file)) {
                if (!CHINESE.matcher(row.path("title").asText()).find()) {
                    problems.add(file.getFileName() + " row \"" + row.path("title").asText() + "\": title not in Chinese");
                }
            }
            for (GrafanaDashboards.Panel panel : GrafanaDashboards.panels(file)) {
                panels++;
                JsonNode json = panel.json();
                if (!KNOWN_PANEL_TYPES.contains(json.path("type").asText())) {
                    problems.add(panel.where() + ": unknown panel type " + json.path("type"));
                }
                if (!CHINESE.matcher(json.path("title").asText()).find()) {
                    problems.add(panel.where() + ": title not in Chinese");
                }
                if (json.path("description").asText("").isBlank()) {
                    problems.add(panel.where() + ": no description");
                }
                if (panel.queries().isEmpty()) {
                    problems.add(panel.where() + ": no query");
                }
                boolean sqlPanel = GrafanaDashboards.isSql(json.path("datasource"));
                for (GrafanaDashboards.Query query : panel.queries()) {
                    if (sqlPanel != (query.language() == GrafanaDashboards.Language.SQL)) {
                        problems.add(query.where() + ": query language does not match the panel's datasource");
                    }
                    if (query.language() == GrafanaDashboards.Language.SQL && !Set.of("table", "time_series").contains(query.format())) {
                        problems.add(query.where() + ": SQL format " + query.format());
                    }
                }
                JsonNode grid = json.path("gridPos");
                if (grid.path("w").asInt(0) < 1 || grid.path("x").asInt() + grid.path("w").asInt() > 24 || grid.path("h").asInt(0) < 1) {
                    problems.add(panel.where() + ": gridPos outside the 24-column grid " + grid);
                }
            }
        }
        assertThat(panels).as("panels over all dashboards").isGreaterThan(50);
        assertThat(problems).as("panels Grafana would show broken or a reader could not understand").isEmpty();
    }

    @Test
    void everyVariableAQueryUsesIsDefinedAndHasAQueryOnAProvisionedDatasource() throws IOException {
        Map<String, String> provisioned = provisionedDatasources();
        List<String> problems = new ArrayList<>();
        for (Path file : GrafanaDashboards.files()) {
            Set<String> defined = new HashSet<>();
            for (GrafanaDashboards.Variable variable : GrafanaDashboards.variables(file)) {
                defined.add(variable.name());
                if (variable.query() == null) {
                    problems.add(variable.where() + ": no query");
                }
                if (!provisioned.containsKey(variable.json().path("datasource").path("uid").asText())) {
                    problems.add(variable.where() + ": datasource not provisioned");
                }
                if (variable.json().path("includeAll").asBoolean() && variable.allValue() == null) {
                    problems.add(variable.where() + ": \"All\" without an allValue (Grafana would send every value)");
                }
            }
            for (GrafanaDashboards.Query query : GrafanaDashboards.allQueries(file)) {
                if (query.language() == GrafanaDashboards.Language.SQL) {
                    // Grafana already quotes the value of a variable with "All" or several values: '$x' would be ''v''
                    Matcher quotedUse = Pattern.compile("'\\$\\{?(\\w+)}?'").matcher(query.expression());
                    while (quotedUse.find()) {
                        problems.add(query.where() + ": '$" + quotedUse.group(1) + "' in quotes (Grafana quotes it itself)");
                    }
                }
                Matcher m = VARIABLE_USE.matcher(query.expression());
                while (m.find()) {
                    String name = m.group(1) != null ? m.group(1) : m.group(2) != null ? m.group(2) : m.group(3);
                    if (!name.startsWith("__") && !defined.contains(name)) {
                        problems.add(query.where() + ": uses $" + name + ", which the dashboard does not define");
                    }
                }
            }
        }
        assertThat(problems).isEmpty();
    }

    /** uid → type of every provisioned datasource. */
    static Map<String, String> provisionedDatasources() throws IOException {
        Map<String, String> provisioned = new HashMap<>();
        try (Stream<Path> files = Files.list(DATASOURCES)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".yaml") || f.toString().endsWith(".yml")).toList()) {
                try (Reader reader = Files.newBufferedReader(file)) {
                    Map<String, Object> yaml = new Yaml().load(reader);
                    for (Object d : (List<?>) yaml.get("datasources")) {
                        Map<?, ?> datasource = (Map<?, ?>) d;
                        provisioned.put(String.valueOf(datasource.get("uid")), String.valueOf(datasource.get("type")));
                    }
                }
            }
        }
        return provisioned;
    }
}
