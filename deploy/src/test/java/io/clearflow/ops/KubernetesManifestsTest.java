package io.clearflow.ops;

import static org.assertj.core.api.Assertions.assertThat;

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
 * The example Kubernetes manifests in deploy/k8s cannot be applied here (no cluster), so this checks their structure
 * against each other and against the application: a Deployment of at least two replicas whose probes ask the health
 * groups the application exposes on the port it listens on, a Service that selects those pods, a migration Job that
 * runs the same image with the profile that prepares the database and exits, and only environment variables the
 * application reads.
 */
class KubernetesManifestsTest {

    private static final Path K8S = Path.of("k8s");
    private final ApplicationSettings settings = new ApplicationSettings();

    @Test
    void theDeploymentRunsSeveralReplicasWithTheApplicationsProbes() throws IOException {
        Map<String, Object> deployment = only("Deployment");
        Map<String, Object> spec = map(deployment.get("spec"));
        assertThat((Integer) spec.get("replicas")).as("replicas").isGreaterThanOrEqualTo(2);
        Map<String, Object> container = onlyContainer(spec);

        Map<String, Object> health = map(map(map(settings.profile(null).get("management")).get("endpoint")).get("health"));
        assertThat(map(health.get("probes"))).as("probes enabled in application.yml").containsEntry("enabled", true);
        assertThat(map(health.get("group"))).containsKey("readiness");
        assertThat(probePath(container, "readinessProbe")).isEqualTo("/actuator/health/readiness");
        assertThat(probePath(container, "livenessProbe")).isEqualTo("/actuator/health/liveness");
        // the readiness group names only what decides serving: a database outage takes the pod out of the Service
        assertThat(String.valueOf(map(map(health.get("group")).get("readiness")).get("include"))).contains("database");

        // probes and Service aim at the named port, which is the one the application listens on (PORT)
        Map<String, Object> port = list(container.get("ports")).get(0);
        for (String probe : List.of("readinessProbe", "livenessProbe", "startupProbe")) {
            assertThat(map(map(container.get(probe)).get("httpGet")).get("port")).as(probe).isEqualTo(port.get("name"));
        }
        assertThat(String.valueOf(port.get("containerPort"))).isEqualTo(env(container).get("PORT"));
        assertThat(String.valueOf(map(settings.profile(null).get("server")).get("port"))).isEqualTo("${PORT:8080}");

        Map<String, Object> service = only("Service");
        Map<String, Object> podLabels = map(map(map(spec.get("template")).get("metadata")).get("labels"));
        assertThat(podLabels).containsAllEntriesOf(map(map(service.get("spec")).get("selector")));
        assertThat(list(map(service.get("spec")).get("ports")).get(0).get("targetPort")).isEqualTo(port.get("name"));
        assertThat(map(map(spec.get("selector")).get("matchLabels"))).isEqualTo(map(map(only("PodDisruptionBudget")
                .get("spec")).get("selector")).get("matchLabels"));
    }

    @Test
    void aJobPreparesTheDatabaseWithTheSameImageBeforeTheReplicas() throws IOException {
        Map<String, Object> job = only("Job");
        Map<String, Object> jobContainer = onlyContainer(map(job.get("spec")));
        Map<String, Object> platform = onlyContainer(map(only("Deployment").get("spec")));
        assertThat(jobContainer.get("image")).isEqualTo(platform.get("image"));
        List<String> profiles = List.of(env(jobContainer).get("SPRING_PROFILES_ACTIVE").split(","));
        assertThat(profiles).containsExactlyInAnyOrder("postgres", "migrate");
        Map<String, Object> migrate = settings.profile("migrate");
        assertThat(map(migrate.get("clearflow"))).as("application-migrate.yml").containsEntry("migrate-only", true);
        assertThat(map(migrate.get("flowable"))).as("no jobs run by the migration").containsEntry("async-executor-activate", false);
        assertThat(List.of(env(platform).get("SPRING_PROFILES_ACTIVE").split(","))).containsExactlyInAnyOrder("postgres", "kafka");
    }

    @Test
    void everyVariableIsOneTheApplicationReadsAndSecretsComeFromTheSecret() throws IOException {
        Map<String, Object> secret = only("Secret");
        Set<String> secretKeys = map(secret.get("stringData")).keySet();
        assertThat(secretKeys).contains("CLEARFLOW_DB_URL", "CLEARFLOW_DB_USER", "CLEARFLOW_DB_PASSWORD", "CLEARFLOW_ADMIN_PASSWORD");
        for (String kind : List.of("Deployment", "Job")) {
            Map<String, Object> container = onlyContainer(map(only(kind).get("spec")));
            Set<String> variables = new HashSet<>(env(container).keySet());
            assertThat(variables).as("%s sets no secret inline", kind).doesNotContain("CLEARFLOW_DB_PASSWORD",
                    "CLEARFLOW_ADMIN_PASSWORD");
            assertThat(list(container.get("envFrom"))).as("%s takes the secret", kind)
                    .anySatisfy(from -> assertThat(map(from.get("secretRef")).get("name")).isEqualTo(map(secret.get("metadata")).get("name")));
            variables.addAll(secretKeys);
            assertThat(variables).allSatisfy(v -> assertThat(settings.reads(v)).as("the application reads %s", v).isTrue());
        }
    }

    // --- reading the manifests

    private static List<Map<String, Object>> documents() throws IOException {
        List<Map<String, Object>> documents = new ArrayList<>();
        try (var files = Files.list(K8S)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList()) {
                try (Reader reader = Files.newBufferedReader(file)) {
                    for (Object document : new Yaml().loadAll(reader)) {
                        if (document != null) {
                            documents.add(map(document));
                        }
                    }
                }
            }
        }
        return documents;
    }

    private static Map<String, Object> only(String kind) throws IOException {
        List<Map<String, Object>> found = documents().stream().filter(d -> kind.equals(d.get("kind"))).toList();
        assertThat(found).as("one %s in %s", kind, K8S).hasSize(1);
        return found.get(0);
    }

    private static Map<String, Object> onlyContainer(Map<String, Object> spec) {
        List<Map<String, Object>> containers = list(map(map(spec.get("template")).get("spec")).get("containers"));
        assertThat(containers).hasSize(1);
        return containers.get(0);
    }

    private static String probePath(Map<String, Object> container, String probe) {
        return String.valueOf(map(map(container.get(probe)).get("httpGet")).get("path"));
    }

    private static Map<String, String> env(Map<String, Object> container) {
        Map<String, String> env = new java.util.LinkedHashMap<>();
        list(container.get("env")).forEach(e -> env.put(String.valueOf(e.get("name")), String.valueOf(e.get("value"))));
        return env;
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
}
