package io.clearflow.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.clearflow.ClearFlowApplication;
import io.clearflow.engine.security.ApiTokenService;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.flowable.engine.RepositoryService;
import org.flowable.engine.RuntimeService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.web.client.RestTemplateBuilder;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.scheduling.config.ScheduledTaskHolder;
import org.springframework.test.context.ActiveProfiles;

/**
 * Every metric a provisioned Grafana panel queries must be in the platform's Prometheus scrape,
 * otherwise the panel silently shows "No data" in production. The platform runs as in the compose
 * stack (kafka profile, here against an in-process KRaft broker, so the outbox metrics exist) and
 * does real work first, because Micrometer creates tagged meters only when something happens.
 *
 * <p>The REST calls authenticate with API tokens (as bots and integrations do) and the scrape text
 * comes from the registry behind /actuator/prometheus; {@link #prometheusScrapesWithHttpBasicOfAnOpsAccount()}
 * checks the scrape over HTTP as Prometheus does it.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, classes = ClearFlowApplication.class,
        properties = {"spring.kafka.bootstrap-servers=${spring.embedded.kafka.brokers}",
                // failed jobs are counted on the async executor's failure path, as in production
                "flowable.async-executor-activate=true",
                // the job below fails on purpose; its stack trace is noise here
                "logging.level.org.flowable.job.service.impl.asyncexecutor.DefaultAsyncRunnableExecutionExceptionHandler=off"})
@ActiveProfiles({"test", "kafka"})
@AutoConfigureObservability(tracing = false) // Boot's tests leave out metric exporters unless asked
@EmbeddedKafka(kraft = true, partitions = 1, topics = "clearflow.events")
class GrafanaDashboardTest {

    // what Prometheus 3 asks for: OpenMetrics first, the classic text format as fallback
    private static final String PROMETHEUS_ACCEPT =
            "application/openmetrics-text;version=1.0.0,text/plain;version=0.0.4;q=0.5,*/*;q=0.1";

    @Autowired TestRestTemplate rest;
    @Autowired ApiTokenService tokens;
    @Autowired PrometheusMeterRegistry prometheus;
    @Autowired MeterRegistry meters;
    @Autowired RepositoryService repository;
    @Autowired RuntimeService runtime;
    @Autowired List<ScheduledTaskHolder> schedulers;
    private final Map<String, TestRestTemplate> clients = new HashMap<>();

    @Test
    void everyMetricTheDashboardsQueryIsInTheScrape() {
        List<Path> dashboards = GrafanaDashboards.files();
        assertThat(dashboards).as("dashboard JSON under %s", GrafanaDashboards.GRAFANA.toAbsolutePath()).isNotEmpty();

        runOneApprovalThroughTheApi();
        startAnApprovalThatStaysOpen();
        failAJobAndCancelItsProcess();
        refreshTheRunningInstancesGauge();
        Set<String> exposed = scrapedMetricNames();

        Map<String, Set<String>> usedAt = new TreeMap<>();
        for (Path dashboard : dashboards) {
            for (GrafanaDashboards.Query query : GrafanaDashboards.allQueries(dashboard)) {
                Set<String> names = query.variable() ? PromQlMetricNames.inVariableQuery(query.expression())
                        : PromQlMetricNames.in(query.expression());
                assertThat(names).as("%s names no metric: %s", query.where(), query.expression()).isNotEmpty();
                names.forEach(name -> usedAt.computeIfAbsent(name, n -> new TreeSet<>()).add(query.where()));
            }
        }
        String missing = usedAt.entrySet().stream().filter(e -> !exposed.contains(e.getKey()))
                .map(e -> e.getKey() + " (used by " + String.join("; ", e.getValue()) + ")")
                .collect(Collectors.joining("\n  "));
        assertThat(missing).withFailMessage("metrics queried by a dashboard but absent from /actuator/prometheus:\n  %s",
                missing).isEmpty();
    }

    @Test
    void prometheusScrapesWithHttpBasicOfAnOpsAccount() {
        // prometheus.yml scrapes with HTTP Basic of an ops account, with Prometheus' Accept header
        HttpHeaders headers = new HttpHeaders();
        headers.set(HttpHeaders.ACCEPT, PROMETHEUS_ACCEPT);
        ResponseEntity<String> scrape = rest.withBasicAuth("linops", "demo")
                .exchange("/actuator/prometheus", HttpMethod.GET, new HttpEntity<>(headers), String.class);
        assertThat(scrape.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(PrometheusScrape.metricNames(scrape.getBody())).contains("jvm_memory_used_bytes");
        assertThat(rest.getForEntity("/actuator/prometheus", String.class).getStatusCode())
                .as("the scrape is not public").isEqualTo(HttpStatus.UNAUTHORIZED);
    }

    private void runOneApprovalThroughTheApi() {
        String caseId = submitApproval("账户资料变更");
        decide("lisi", caseId);   // department review
        decide("hegui", caseId);  // compliance review ends the case
        JsonNode tasksLeft = as("hegui").getForObject("/api/tasks", JsonNode.class);
        assertThat(tasksLeft.findValuesAsText("caseId")).doesNotContain(caseId);
    }

    /** The running-instances gauge only has a series for processes with an instance running. */
    private void startAnApprovalThatStaysOpen() {
        submitApproval("仍在审批中");
    }

    private String submitApproval(String title) {
        ResponseEntity<JsonNode> created = as("zhangsan").postForEntity("/api/approvals",
                Map.of("title", title, "amount", 100, "reason", "Grafana dashboard check"), JsonNode.class);
        assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        return created.getBody().path("caseId").asText();
    }

    private void decide(String user, String caseId) {
        JsonNode inbox = as(user).getForObject("/api/tasks", JsonNode.class);
        String taskId = null;
        for (JsonNode task : inbox) {
            if (caseId.equals(task.path("caseId").asText())) {
                taskId = task.path("id").asText();
            }
        }
        assertThat(taskId).as("%s's inbox has the task of case %s: %s", user, caseId, inbox).isNotNull();
        ResponseEntity<Void> decided = as(user).postForEntity(
                "/api/approvals/tasks/" + taskId + "/decision", Map.of("approved", true), Void.class);
        assertThat(decided.getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
    }

    /**
     * Failed-job and cancellation counters appear only after a failure and a cancellation. The job
     * runs on the async executor: ManagementService.executeJob reports the failure inside the
     * transaction it rolls back, so neither the event log nor the counter would ever see it.
     */
    private void failAJobAndCancelItsProcess() {
        repository.createDeployment().name("grafana-dashboard-test")
                .addClasspathResource("ops/failing-job.bpmn20.xml").deploy();
        String instance = runtime.startProcessInstanceByKey("opsFailingJob").getId();
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(
                meters.find("clearflow.job.failed").tag("process", "opsFailingJob").counter()).isNotNull());
        runtime.deleteProcessInstance(instance, "Grafana dashboard check");
    }

    /** The gauge refreshes every 15 s; run that refresh now instead of waiting for it. */
    private void refreshTheRunningInstancesGauge() {
        Runnable refresh = schedulers.stream().flatMap(s -> s.getScheduledTasks().stream())
                .map(task -> task.getTask().getRunnable())
                .filter(r -> r.toString().endsWith("ProcessMetrics.refreshActive"))
                .findFirst().orElseThrow(() -> new AssertionError("no scheduled ProcessMetrics.refreshActive"));
        refresh.run();
    }

    /** A demo user's client, authenticated the way integrations are: a bearer API token. */
    private TestRestTemplate as(String user) {
        return clients.computeIfAbsent(user, u -> new TestRestTemplate(new RestTemplateBuilder()
                .rootUri(rest.getRootUri())
                .defaultHeader(HttpHeaders.AUTHORIZATION, "Bearer " + tokens.issue(u, "grafana-dashboard-test").token())));
    }

    /** The text /actuator/prometheus serves, in the OpenMetrics format Prometheus 3 asks for first. */
    private Set<String> scrapedMetricNames() {
        Set<String> names = PrometheusScrape.metricNames(prometheus.scrape("application/openmetrics-text"));
        assertThat(names).as("the scrape has the engine's own metrics").contains("clearflow_process_started_total");
        return names;
    }
}
