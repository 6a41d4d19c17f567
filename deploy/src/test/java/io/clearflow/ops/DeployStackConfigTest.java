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

    /**
     * nginx balances exactly the platform services of compose.yaml, on the port the application listens on (server.port
     * is PORT, 8080 unless set), and sends everything to that upstream.
     */
    @Test
    void nginxBalancesThePlatformNodesOnTheApplicationsPort() throws IOException {
        String nginx = Files.readString(Path.of("nginx", "nginx.conf"));
        java.util.regex.Matcher upstream = java.util.regex.Pattern.compile("upstream\\s+(\\w+)\\s*\\{([^}]*)}").matcher(nginx);
        assertThat(upstream.find()).as("an upstream block in nginx.conf").isTrue();
        Set<String> servers = new HashSet<>();
        java.util.regex.Matcher server = java.util.regex.Pattern.compile("server\\s+([\\w.-]+:\\d+)").matcher(upstream.group(2));
        while (server.find()) {
            servers.add(server.group(1));
        }
        assertThat(nginx).contains("proxy_pass http://" + upstream.group(1) + ";");

        String port = String.valueOf(map(new ApplicationSettings().profile(null).get("server")).get("port"));
        assertThat(port).as("server.port in application.yml").isEqualTo("${PORT:8080}");
        Set<String> nodes = new HashSet<>();
        platformNodes().forEach((name, env) -> nodes.add(name + ":" + env.getOrDefault("PORT", "8080")));
        assertThat(servers).as("nginx upstream servers").isEqualTo(nodes);
    }

    /**
     * The nodes' environment: every variable is one the application reads (a placeholder in its application*.yml, or
     * the relaxed form of a property it sets), every profile it activates exists, and the database and broker
     * addresses point at services of the same compose file.
     */
    @Test
    void platformNodesSetOnlySettingsTheApplicationReads() {
        ApplicationSettings settings = new ApplicationSettings();
        Map<String, Map<String, String>> nodes = platformNodes();
        assertThat(nodes).hasSize(2);
        nodes.forEach((name, env) -> {
            assertThat(env.keySet()).as("%s's environment", name).allSatisfy(variable ->
                    assertThat(settings.reads(variable)).as("the application reads %s", variable).isTrue());
            List<String> profiles = List.of(env.get("SPRING_PROFILES_ACTIVE").split(","));
            assertThat(profiles).containsExactlyInAnyOrder("postgres", "kafka")
                    .allSatisfy(profile -> assertThat(settings.hasProfile(profile)).isTrue());
            assertThat(env.get("CLEARFLOW_DB_URL")).startsWith("jdbc:postgresql://postgres:5432/");
            assertThat(env.get("KAFKA_BOOTSTRAP_SERVERS")).isEqualTo("kafka:9092");
        });
        assertThat(services()).containsKeys("postgres", "kafka");
        // the settings the postgres profile takes from the environment without a usable default are all set
        assertThat(nodes.values()).allSatisfy(env -> assertThat(env).containsKeys("CLEARFLOW_DB_URL", "CLEARFLOW_DB_USER",
                "CLEARFLOW_DB_PASSWORD", "CLEARFLOW_ADMIN_PASSWORD"));
    }

    /** The platform creates no topics (spring.kafka.admin.auto-create=false): kafka-init creates every one it uses. */
    @Test
    void kafkaInitCreatesEveryTopicThePlatformUses() {
        assertThat(String.valueOf(map(new ApplicationSettings().profile(null).get("spring")).get("kafka")))
                .contains("auto-create=false");
        String command = String.valueOf(map(services().get("kafka-init")).get("command"));
        assertThat(io.clearflow.cluster.KafkaTopics.ALL).allSatisfy(topic ->
                assertThat(command).as("kafka-init creates %s", topic).containsPattern("--topic\\s+" + topic.replace(".", "\\.") + "\\s"));
    }

    /**
     * Health checks ask the readiness probe, which the application exposes (probes enabled, a readiness group); the
     * second node waits for the first to be healthy, since the first prepares the database.
     */
    @Test
    void healthChecksAskTheReadinessProbeTheApplicationExposes() throws IOException {
        Map<String, Object> health = map(map(map(new ApplicationSettings().profile(null).get("management")).get("endpoint"))
                .get("health"));
        assertThat(map(health.get("probes"))).containsEntry("enabled", true);
        assertThat(map(health.get("group"))).containsKey("readiness");
        assertThat(Files.readString(Path.of("Dockerfile"))).contains("HEALTHCHECK")
                .contains("http://localhost:8080/actuator/health/readiness");
        List<String> nodes = new ArrayList<>(platformNodes().keySet());
        java.util.Collections.sort(nodes);
        Map<String, Object> waitsFor = map(map(services().get(nodes.get(1))).get("depends_on"));
        assertThat(map(waitsFor.get(nodes.get(0)))).containsEntry("condition", "service_healthy");
    }

    /** Each platform service of compose.yaml (the ones built from the Dockerfile) with its merged environment. */
    private static Map<String, Map<String, String>> platformNodes() {
        Map<String, Map<String, String>> nodes = new java.util.TreeMap<>();
        services().forEach((name, service) -> {
            Map<String, Object> definition = map(service);
            if (definition.containsKey("build")) {
                Map<String, String> env = new java.util.LinkedHashMap<>();
                map(definition.get("environment")).forEach((k, v) -> env.put(k, String.valueOf(v)));
                nodes.put(name, env);
            }
        });
        return nodes;
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
