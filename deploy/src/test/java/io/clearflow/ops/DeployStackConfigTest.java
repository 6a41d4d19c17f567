package io.clearflow.ops;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * The compose stack cannot run here (no Docker engine), so this checks what ties its files
 * together: Prometheus scrapes exactly the platform services compose defines, with credentials
 * from files; Grafana's dashboards use the provisioned datasource and sit where the provider
 * looks for them.
 */
class DeployStackConfigTest {

    private static final Path COMPOSE = Path.of("compose.yaml");
    /** The several-nodes config; compose mounts it as the container's prometheus.yml. */
    private static final Path PROMETHEUS = Path.of("prometheus", "prometheus-cluster.yml");
    private static final Path DATASOURCES = Path.of("grafana", "provisioning", "datasources");
    private static final Path PROVIDERS = Path.of("grafana", "provisioning", "dashboards");

    @Test
    void prometheusScrapesEveryPlatformNodeEvery15sWithCredentialsFromFiles() throws IOException {
        Map<String, Object> job = only(list(yaml(PROMETHEUS).get("scrape_configs")));
        assertThat(job).containsEntry("metrics_path", "/actuator/prometheus").containsEntry("scrape_interval", "15s");
        Map<String, Object> auth = map(job.get("basic_auth"));
        assertThat(auth).as("no secret inline in prometheus.yml").doesNotContainKeys("username", "password")
                .containsKeys("username_file", "password_file");

        Set<String> targets = new HashSet<>();
        list(job.get("static_configs")).forEach(c -> targets.addAll(strings(c.get("targets"))));
        Set<String> nodes = new HashSet<>();
        services().forEach((name, service) -> {
            if (map(service).containsKey("build")) {
                nodes.add(name + ":8080");
            }
        });
        assertThat(nodes).as("platform nodes in compose.yaml").hasSize(2);
        assertThat(targets).isEqualTo(nodes);
        // the secrets Prometheus reads are mounted into its container
        assertThat(strings(map(services().get("prometheus")).get("secrets")))
                .containsExactlyInAnyOrder(fileName(auth.get("username_file")), fileName(auth.get("password_file")));
    }

    /**
     * The outbox alerts: their rule file is the one prometheus.yml loads and compose mounts, and they watch the lag
     * gauges by the names the platform exports (Micrometer's clearflow.outbox.lag.* in Prometheus form).
     */
    @Test
    void outboxLagAlertsAreLoadedAndWatchTheLagGauges() throws IOException {
        // relative to the config file: /etc/prometheus/alerts.yml in the container, deploy/prometheus/alerts.yml here
        assertThat(strings(yaml(PROMETHEUS).get("rule_files"))).containsExactly("alerts.yml");
        assertThat(strings(yaml(Path.of("prometheus", "prometheus.yml")).get("rule_files"))).containsExactly("alerts.yml");
        assertThat(strings(map(services().get("prometheus")).get("volumes")))
                .contains("./prometheus/prometheus-cluster.yml:/etc/prometheus/prometheus.yml:ro")
                .contains("./prometheus/alerts.yml:/etc/prometheus/alerts.yml:ro");
        Map<String, String> expressions = new java.util.LinkedHashMap<>();
        for (Map<String, Object> group : list(yaml(Path.of("prometheus", "alerts.yml")).get("groups"))) {
            for (Map<String, Object> rule : list(group.get("rules"))) {
                assertThat(rule).containsKeys("alert", "expr", "for", "labels", "annotations");
                expressions.put(String.valueOf(rule.get("alert")), String.valueOf(rule.get("expr")));
            }
        }
        assertThat(expressions.get("ClearFlowOutboxLagging")).contains("clearflow_outbox_lag_seconds");
        assertThat(expressions.get("ClearFlowOutboxBacklog")).contains("clearflow_outbox_lag_events");
        assertThat(expressions).containsKeys("ClearFlowDeadLetterJobs", "ClearFlowBotFailing",
                "ClearFlowRegulatorSourceFailing", "ClearFlowHttpLatencyHigh");
    }

    /** The PostgreSQL datasource takes every connection fact from Grafana's environment: no password in git. */
    @Test
    void thePostgresDatasourceReadsItsCredentialsFromTheEnvironment() throws IOException {
        Map<String, Object> postgres = only(list(yaml(DATASOURCES.resolve("postgres.yaml")).get("datasources")));
        assertThat(String.valueOf(postgres.get("user"))).matches("\\$\\{[A-Z_]+}");
        assertThat(String.valueOf(postgres.get("url"))).matches("\\$\\{[A-Z_]+}");
        assertThat(String.valueOf(map(postgres.get("secureJsonData")).get("password"))).matches("\\$\\{[A-Z_]+}");
        assertThat(map(postgres.get("jsonData"))).doesNotContainKey("password");
    }

    @Test
    void dashboardsUseTheProvisionedDatasource() throws IOException {
        Set<String> provisioned = new HashSet<>();
        for (Path file : yamlFiles(DATASOURCES)) {
            list(yaml(file).get("datasources")).forEach(d -> provisioned.add(String.valueOf(d.get("uid"))));
        }
        for (Path dashboard : GrafanaDashboards.files()) {
            List<String> used = GrafanaDashboards.read(dashboard).findValues("datasource").stream()
                    .map(d -> d.path("uid").asText(null)).filter(uid -> uid != null).toList();
            assertThat(used).as("%s names a datasource", dashboard).isNotEmpty();
            assertThat(provisioned).as("datasources provisioned for %s", dashboard).containsAll(used);
        }
    }

    @Test
    void everyPanelHasAQuery() {
        for (Path dashboard : GrafanaDashboards.files()) {
            List<GrafanaDashboards.Panel> panels = GrafanaDashboards.panels(dashboard);
            assertThat(panels).as("%s has panels", dashboard).isNotEmpty();
            assertThat(panels).allSatisfy(p -> assertThat(p.queries()).as("%s has a query", p.where()).isNotEmpty());
        }
    }

    @Test
    void theProcessesDashboardIsWhereTheProviderLooks() throws IOException {
        JsonNode dashboard = GrafanaDashboards.read(Path.of("grafana", "dashboards", "clearflow-processes.json"));
        assertThat(dashboard.path("uid").asText()).isEqualTo("clearflow-processes");

        String providerPath = String.valueOf(map(only(list(yaml(yamlFiles(PROVIDERS).get(0)).get("providers")))
                .get("options")).get("path"));
        assertThat(strings(map(services().get("grafana")).get("volumes")))
                .contains("./grafana/dashboards:" + providerPath + ":ro")
                .contains("./grafana/provisioning:/etc/grafana/provisioning:ro");
    }

    private static Map<String, Object> services() {
        try {
            return map(yaml(COMPOSE).get("services"));
        } catch (IOException e) {
            throw new AssertionError("cannot read " + COMPOSE.toAbsolutePath(), e);
        }
    }

    private static Map<String, Object> yaml(Path file) throws IOException {
        try (Reader reader = Files.newBufferedReader(file)) {
            return new Yaml().load(reader);
        }
    }

    private static List<Path> yamlFiles(Path dir) throws IOException {
        try (var files = Files.list(dir)) {
            List<Path> found = files.filter(f -> f.toString().endsWith(".yaml") || f.toString().endsWith(".yml"))
                    .sorted().toList();
            assertThat(found).as("provisioning files in %s", dir).isNotEmpty();
            return found;
        }
    }

    private static String fileName(Object path) {
        return Path.of(String.valueOf(path)).getFileName().toString();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object yaml) {
        assertThat(yaml).isInstanceOf(Map.class);
        return (Map<String, Object>) yaml;
    }

    private static List<Map<String, Object>> list(Object yaml) {
        assertThat(yaml).isInstanceOf(List.class);
        List<Map<String, Object>> maps = new ArrayList<>();
        ((List<?>) yaml).forEach(item -> maps.add(map(item)));
        return maps;
    }

    private static List<String> strings(Object yaml) {
        assertThat(yaml).isInstanceOf(List.class);
        return ((List<?>) yaml).stream().map(String::valueOf).toList();
    }

    private static <T> T only(List<T> items) {
        assertThat(items).hasSize(1);
        return items.get(0);
    }
}
