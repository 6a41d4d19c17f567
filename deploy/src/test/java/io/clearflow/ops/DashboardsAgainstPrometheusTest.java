package io.clearflow.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import io.clearflow.ClearFlowApplication;
import io.clearflow.engine.support.EmbeddedPostgresSupport;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.io.Reader;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.flowable.engine.RepositoryService;
import org.flowable.engine.RuntimeService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.scheduling.config.ScheduledTaskHolder;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.util.LinkedMultiValueMap;
import org.yaml.snakeyaml.Yaml;

/**
 * The dashboards and alert rules against the real things: the platform as in production (PostgreSQL, the kafka
 * profile on an in-process KRaft broker, the async job executor on) does a little of everything the dashboards
 * show (approvals, a failing job, a refused request, a regulator feed polled, a test report uploaded), a real
 * Prometheus server scrapes it every second with HTTP Basic of the ops account, and then
 * <ul>
 *   <li>every PromQL expression of every panel and every alert rule is evaluated by that Prometheus, with the
 *       template variables set to values Prometheus really has (the value on the most series first, then the other
 *       combinations: a failed-jobs panel has data for the process whose job failed); it must not error and must
 *       return series for some real value. An alert or panel that compares ({@code > 0}) is evaluated with
 *       {@code bool} comparisons, so "no series" means the watched data is missing, not that the alert is quiet;</li>
 *   <li>every SQL panel and SQL variable runs on the platform's PostgreSQL with the real schema, Grafana's macros
 *       expanded, in a read-only transaction, once with the dashboard's default "All" and once with a real value of
 *       each variable; it must not error, a time-series query must give a time column, and the panels over what the
 *       demo did must find it.</li>
 * </ul>
 * A failure lists every failing panel, the query as sent and, for PromQL, the metrics Prometheus does not have.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, classes = ClearFlowApplication.class,
        properties = {"spring.kafka.bootstrap-servers=${spring.embedded.kafka.brokers}",
                // failed jobs are counted on the async executor's failure path, as in production
                "flowable.async-executor-activate=true",
                "flowable.process.async.executor.default-async-job-acquire-wait-time=PT0.5S",
                // the regtech feed below is served on loopback, which the SSRF guard refuses by default
                "clearflow.regtech.allow-private-addresses=true",
                "clearflow.data-dir=target/data-dashboards",
                "logging.level.org.flowable.job.service.impl.asyncexecutor.DefaultAsyncRunnableExecutionExceptionHandler=off"})
@ActiveProfiles({"test", "kafka"})
@AutoConfigureObservability(tracing = false) // Boot's tests leave out metric exporters unless asked
@EmbeddedKafka(kraft = true, partitions = 1, topics = "clearflow.events")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DashboardsAgainstPrometheusTest {

    private static final Logger log = LoggerFactory.getLogger(DashboardsAgainstPrometheusTest.class);
    private static final int MAX_ASSIGNMENTS = 64;
    private static final String PROMETHEUS_3_ACCEPT =
            "application/openmetrics-text;version=1.0.0,text/plain;version=0.0.4;q=0.5,*/*;q=0.1";
    private static final Pattern LABEL_VALUES = Pattern.compile("\\s*label_values\\(\\s*(.+?)\\s*,\\s*(\\w+)\\s*\\)\\s*", Pattern.DOTALL);
    private static final String RSS = """
            <?xml version="1.0" encoding="UTF-8"?>
            <rss version="2.0"><channel><title>Regulator</title><link>http://regulator.example/</link><description>d</description>
            <item><title>Regulator publishes new anti-money-laundering guidance for brokers</title>
            <link>https://regulator.example/news/1</link><pubDate>Mon, 02 Mar 2026 09:00:00 +0000</pubDate></item>
            <item><title>Regulator consults on clearing house margin rules</title>
            <link>https://regulator.example/news/2</link><pubDate>Tue, 03 Mar 2026 09:00:00 +0000</pubDate></item>
            </channel></rss>""";

    @DynamicPropertySource
    static void postgres(DynamicPropertyRegistry registry) {
        EmbeddedPostgresSupport.register(registry);
    }

    @Autowired TestRestTemplate rest;
    @Autowired DataSource dataSource;
    @Autowired MeterRegistry meters;
    @Autowired RepositoryService repository;
    @Autowired RuntimeService runtime;
    @Autowired List<ScheduledTaskHolder> schedulers;
    @LocalServerPort int port;
    @TempDir static Path dir; // static: JUnit fills it before @BeforeAll
    private PrometheusServer prometheus;
    private HttpServer regulator;

    @BeforeAll
    void demoActivityScrapedByPrometheus() throws Exception {
        long start = System.nanoTime();
        runOneApprovalThroughTheApi();
        submitApproval("仍在审批中"); // the running-instances gauge has series only for processes with instances
        failAJobAndCancelItsProcess();
        askForSomethingUnknown();
        pollARegulatorFeed();
        uploadATestReport();
        refreshTheProcessGauges();

        // the scrape as prometheus.yml configures it, with the ops account the README tells operators to create
        long activity = System.nanoTime();
        prometheus = PrometheusServer.start(dir, "127.0.0.1:" + port, "linops", "demo");
        long ready = System.nanoTime();
        prometheus.awaitScrapes(2); // rate() and increase() need two samples of each series
        log.info("Demo activity {} ms, Prometheus ready in {} ms, two scrapes {} ms", (activity - start) / 1_000_000,
                (ready - activity) / 1_000_000, (System.nanoTime() - ready) / 1_000_000);
    }

    @AfterAll
    void stop() throws InterruptedException {
        if (prometheus != null) {
            prometheus.close();
        }
        if (regulator != null) {
            regulator.stop(0);
        }
    }

    @Test
    void everyPromQlOfEveryPanelAndAlertRuleReturnsSeries() throws IOException, SQLException {
        Map<String, List<String>> queries = new LinkedHashMap<>(); // where → the PromQL Grafana would send, per assignment
        for (Path file : GrafanaDashboards.files()) {
            List<Map<String, String>> assignments = assignments(variableOptions(file)).stream().map(real -> {
                Map<String, String> values = allValues(file);
                values.putAll(real);
                return values;
            }).toList();
            for (GrafanaDashboards.Panel panel : GrafanaDashboards.panels(file)) {
                for (GrafanaDashboards.Query query : panel.queries()) {
                    if (query.language() == GrafanaDashboards.Language.PROMQL) {
                        queries.put(query.where(), assignments.stream()
                                .map(values -> PanelQueries.promQl(query.expression(), values)).distinct().toList());
                    }
                }
            }
        }
        alertRules().forEach((alert, expr) -> queries.put("alerts.yml › " + alert, List.of(expr)));

        List<String> failures = new ArrayList<>();
        queries.forEach((where, variants) -> {
            String first = PanelQueries.keepingEverySeries(variants.get(0));
            PrometheusServer.Answer answer = prometheus.answer(first);
            if (answer.error() != null) {
                failures.add(where + ": " + answer.error() + "\n      " + first);
            } else if (answer.series() == 0 && variants.stream().skip(1)
                    .noneMatch(v -> prometheus.answer(PanelQueries.keepingEverySeries(v)).series() > 0)) {
                failures.add(where + ": no series for any of " + variants.size() + " variable assignments (metrics Prometheus"
                        + " does not have: " + absentMetrics(variants.get(0)) + ")\n      " + first);
            }
        });
        assertThat(queries.size()).as("PromQL queries checked").isGreaterThan(45);
        assertThat(failures).withFailMessage("%d of %d PromQL queries fail against Prometheus:%n  %s", failures.size(),
                queries.size(), String.join("\n  ", failures)).isEmpty();
    }

    @Test
    void everySqlPanelAndVariableRunsOnTheRealSchema() {
        PanelQueries.Range range = PanelQueries.Range.lastDays(7);
        List<String> failures = new ArrayList<>();
        Set<String> withRows = new TreeSet<>();
        int checked = 0;
        for (Path file : GrafanaDashboards.files()) {
            Map<String, String> real;
            try {
                real = assignments(variableOptions(file)).stream().findFirst().orElse(Map.of());
                checked += (int) GrafanaDashboards.variables(file).stream()
                        .filter(v -> v.query().language() == GrafanaDashboards.Language.SQL).count();
            } catch (SQLException e) {
                failures.add(file.getFileName() + " variables: " + e.getMessage().lines().findFirst().orElse(""));
                continue;
            }
            Set<String> quoted = quotedInSql(file);
            Map<String, String> values = allValues(file);
            Map<String, String> realValues = new HashMap<>(values);
            realValues.putAll(real); // a variable whose menu is empty stays "All"
            for (GrafanaDashboards.Panel panel : GrafanaDashboards.panels(file)) {
                for (GrafanaDashboards.Query query : panel.queries()) {
                    if (query.language() != GrafanaDashboards.Language.SQL) {
                        continue;
                    }
                    checked++;
                    String sql = PanelQueries.sql(query.expression(), values, quoted, range); // the dashboard's default: "All"
                    try {
                        Result result = run(sql);
                        if ("time_series".equals(query.format()) && !result.columns().contains("time")) {
                            failures.add(query.where() + ": a time series without a \"time\" column: " + result.columns());
                        }
                        if (result.rows() > 0) {
                            withRows.add(panel.where());
                        }
                        sql = PanelQueries.sql(query.expression(), realValues, quoted, range);
                        run(sql); // with a real value picked instead of "All"
                    } catch (SQLException e) {
                        failures.add(query.where() + ": " + e.getMessage().lines().findFirst().orElse("") + "\n      " + sql);
                    }
                }
            }
        }
        assertThat(checked).as("SQL queries checked").isGreaterThan(40);
        assertThat(failures).withFailMessage("%d of %d SQL queries fail on PostgreSQL:%n  %s", failures.size(), checked,
                String.join("\n  ", failures)).isEmpty();
        // and they find what the demo activity left: cases in the event log, the seeded regulator sources, the poll's items
        assertThat(withRows).contains("clearflow-governance.json › panel \"各流程发起量（时间范围内）\"",
                "clearflow-governance.json › panel \"流程实例时长（时间范围内结束）\"",
                "clearflow-mining.json › panel \"活动频次（前 20）\"",
                "clearflow-mining.json › panel \"流程变体\"",
                "clearflow-quality.json › panel \"各版本测试结果\"",
                "clearflow-quality.json › panel \"最慢的测试（前 10）\"",
                "clearflow-regtech.json › panel \"来源状态\"",
                "clearflow-regtech.json › panel \"每日发现条目（按辖区）\"");
    }

    @Test
    void theScrapeNeedsAnAccountAndPrometheusHasOne() {
        assertThat(rest.getForEntity("/actuator/prometheus", String.class).getStatusCode())
                .as("the scrape is not public").isEqualTo(HttpStatus.UNAUTHORIZED);
        // compose runs Prometheus 3, which asks for OpenMetrics first: the ops account gets it too
        HttpHeaders headers = new HttpHeaders();
        headers.set(HttpHeaders.ACCEPT, PROMETHEUS_3_ACCEPT);
        ResponseEntity<String> scrape = rest.withBasicAuth("linops", "demo").exchange("/actuator/prometheus",
                HttpMethod.GET, new HttpEntity<>(headers), String.class);
        assertThat(scrape.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(scrape.getBody()).contains("clearflow_process_started_total").endsWith("# EOF\n");
        assertThat(prometheus.labelValues("instance", "up{job=\"clearflow\"}")).containsExactly("127.0.0.1:" + port);
        assertThat(prometheus.answer("up{job=\"clearflow\"} == 1").series()).as("a successful scrape").isEqualTo(1);
    }

    // --- what Prometheus and the dashboards' variables have

    /**
     * The real values of every variable of a dashboard, the most telling first. PromQL variables: the values Prometheus
     * lists for the variable's label_values(selector, label), the one on the most series first; no value at all fails
     * the test. SQL variables: the rows of their query.
     */
    private Map<String, List<String>> variableOptions(Path file) throws SQLException {
        Map<String, List<String>> options = new LinkedHashMap<>();
        for (GrafanaDashboards.Variable variable : GrafanaDashboards.variables(file)) {
            if (variable.query().language() == GrafanaDashboards.Language.SQL) {
                options.put(variable.name(), run(variable.query().expression()).firstColumn());
                continue;
            }
            Matcher m = LABEL_VALUES.matcher(variable.query().expression());
            assertThat(m.matches()).as("%s is label_values(selector, label): %s", variable.where(),
                    variable.query().expression()).isTrue();
            String label = m.group(2);
            List<String> values = new ArrayList<>(prometheus.labelValues(label, m.group(1)));
            assertThat(values).as("%s: values Prometheus has for %s", variable.where(), variable.query().expression())
                    .isNotEmpty();
            values.sort(Comparator.comparingInt((String value) -> prometheus.count("count({" + label + "=\"" + value + "\"})"))
                    .reversed());
            options.put(variable.name(), values);
        }
        return options;
    }

    /**
     * Assignments of real values to the variables, the most telling first, then every other combination (at most
     * {@value #MAX_ASSIGNMENTS}): a panel on failed jobs has data for the process whose job failed, not for every process.
     */
    private static List<Map<String, String>> assignments(Map<String, List<String>> options) {
        List<Map<String, String>> assignments = new ArrayList<>(List.of(Map.of()));
        for (Map.Entry<String, List<String>> variable : options.entrySet()) {
            if (variable.getValue().isEmpty()) {
                continue; // an empty menu: Grafana sends "All"
            }
            List<Map<String, String>> next = new ArrayList<>();
            for (Map<String, String> partial : assignments) {
                for (String value : variable.getValue()) {
                    Map<String, String> assignment = new HashMap<>(partial);
                    assignment.put(variable.getKey(), value);
                    next.add(assignment);
                }
            }
            assignments = next.subList(0, Math.min(next.size(), MAX_ASSIGNMENTS));
        }
        return assignments;
    }

    /** The variables Grafana's SQL datasources quote: those with several values or "All". */
    private static Set<String> quotedInSql(Path file) {
        Set<String> quoted = new HashSet<>();
        for (GrafanaDashboards.Variable v : GrafanaDashboards.variables(file)) {
            if (v.json().path("multi").asBoolean() || v.json().path("includeAll").asBoolean()) {
                quoted.add(v.name());
            }
        }
        return quoted;
    }

    /** What Grafana sends for each variable by default: "All", the variable's allValue. */
    private static Map<String, String> allValues(Path file) {
        Map<String, String> values = new HashMap<>();
        GrafanaDashboards.variables(file).forEach(v -> values.put(v.name(), v.allValue()));
        return values;
    }

    private Set<String> absentMetrics(String promQl) {
        Set<String> absent = new TreeSet<>();
        for (String name : PromQlMetricNames.in(promQl)) {
            if (prometheus.answer("{__name__=\"" + name + "\"}").series() == 0) {
                absent.add(name);
            }
        }
        return absent;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, String> alertRules() throws IOException {
        Map<String, String> rules = new LinkedHashMap<>();
        try (Reader reader = Files.newBufferedReader(PrometheusConfigTest.PROMETHEUS.resolve("alerts.yml"))) {
            Map<String, Object> yaml = new Yaml().load(reader);
            for (Map<String, Object> group : (List<Map<String, Object>>) yaml.get("groups")) {
                for (Map<String, Object> rule : (List<Map<String, Object>>) group.get("rules")) {
                    rules.put(String.valueOf(rule.get("alert")), String.valueOf(rule.get("expr")));
                }
            }
        }
        assertThat(rules).hasSizeGreaterThanOrEqualTo(6);
        return rules;
    }

    // --- SQL, read-only as Grafana's reader role

    record Result(List<String> columns, int rows, List<String> firstColumn) { }

    private Result run(String sql) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            connection.setReadOnly(true); // a panel only reads: a write would fail here
            try (Statement statement = connection.createStatement()) {
                statement.setQueryTimeout(10);
                try (ResultSet rs = statement.executeQuery(sql)) {
                    ResultSetMetaData meta = rs.getMetaData();
                    List<String> columns = new ArrayList<>();
                    for (int i = 1; i <= meta.getColumnCount(); i++) {
                        columns.add(meta.getColumnLabel(i).toLowerCase(Locale.ROOT));
                    }
                    int rows = 0;
                    List<String> first = new ArrayList<>();
                    while (rs.next()) {
                        rows++;
                        first.add(rs.getString(1));
                    }
                    return new Result(columns, rows, first);
                }
            } finally {
                connection.rollback();
                connection.setReadOnly(false);
                connection.setAutoCommit(true);
            }
        }
    }

    // --- demo activity, through the public APIs

    private void runOneApprovalThroughTheApi() {
        String caseId = submitApproval("账户资料变更");
        decide("lisi", caseId);   // department review
        decide("hegui", caseId);  // compliance review ends the case
    }

    private String submitApproval(String title) {
        ResponseEntity<JsonNode> created = rest.withBasicAuth("zhangsan", "demo").postForEntity("/api/approvals",
                Map.of("title", title, "amount", 100, "reason", "Grafana dashboard proof"), JsonNode.class);
        assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        return created.getBody().path("caseId").asText();
    }

    private void decide(String user, String caseId) {
        JsonNode inbox = rest.withBasicAuth(user, "demo").getForObject("/api/tasks", JsonNode.class);
        String taskId = null;
        for (JsonNode task : inbox) {
            if (caseId.equals(task.path("caseId").asText())) {
                taskId = task.path("id").asText();
            }
        }
        assertThat(taskId).as("%s's inbox has the task of case %s: %s", user, caseId, inbox).isNotNull();
        ResponseEntity<Void> decided = rest.withBasicAuth(user, "demo").postForEntity(
                "/api/approvals/tasks/" + taskId + "/decision", Map.of("approved", true), Void.class);
        assertThat(decided.getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
    }

    /**
     * Failed-job and cancellation counters appear only after a failure and a cancellation. The job runs on the
     * async executor: ManagementService.executeJob reports the failure inside the transaction it rolls back.
     */
    private void failAJobAndCancelItsProcess() {
        repository.createDeployment().name("dashboards-proof").addClasspathResource("ops/failing-job.bpmn20.xml").deploy();
        String instance = runtime.startProcessInstanceByKey("opsFailingJob").getId();
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(
                meters.find("clearflow.job.failed").tag("process", "opsFailingJob").counter()).isNotNull());
        runtime.deleteProcessInstance(instance, "Grafana dashboard proof");
    }

    /** The error-rate panel divides 4xx and 5xx by all requests: one refused request makes its series. */
    private void askForSomethingUnknown() {
        ResponseEntity<String> refused = rest.withBasicAuth("lisi", "demo").postForEntity(
                "/api/approvals/tasks/no-such-task/decision", Map.of("approved", true), String.class);
        assertThat(refused.getStatusCode().is4xxClientError()).as("%s", refused).isTrue();
    }

    /** A regulator's feed on loopback, added as a source and polled over the API: the source-health gauges appear. */
    private void pollARegulatorFeed() throws IOException {
        regulator = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        regulator.createContext("/news.rss", exchange -> {
            byte[] body = RSS.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/rss+xml");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        regulator.start();
        var admin = rest.withBasicAuth("admin", "demo");
        ResponseEntity<JsonNode> source = admin.postForEntity("/api/regtech/sources", Map.of("name", "Loopback regulator",
                "url", "http://127.0.0.1:" + regulator.getAddress().getPort() + "/news.rss", "kind", "feed",
                "jurisdiction", "CN", "zone", "Asia/Shanghai"), JsonNode.class);
        assertThat(source.getStatusCode()).as("%s", source).isEqualTo(HttpStatus.CREATED);
        JsonNode poll = admin.postForObject("/api/regtech/sources/" + source.getBody().path("id").asLong() + "/poll",
                null, JsonNode.class);
        assertThat(poll.path("status").asText()).as("%s", poll).isEqualTo("ok");
        assertThat(poll.path("added").asInt()).isEqualTo(2);
    }

    /** A JUnit report uploaded as the tester does from CI: the test-metrics panels have results to show. */
    private void uploadATestReport() {
        String junit = """
                <testsuite name="io.clearflow.Sample" tests="2" failures="1" errors="0" skipped="0" time="0.3">
                  <testcase classname="io.clearflow.Sample" name="passes" time="0.1"/>
                  <testcase classname="io.clearflow.Sample" name="fails" time="0.2"><failure message="expected 1">trace</failure></testcase>
                </testsuite>""";
        var form = new LinkedMultiValueMap<String, Object>();
        form.add("file", new ByteArrayResource(junit.getBytes(StandardCharsets.UTF_8)) {
            @Override
            public String getFilename() {
                return "TEST-io.clearflow.Sample.xml";
            }
        });
        form.add("project", "ctrade");
        form.add("version", "3.2.0");
        ResponseEntity<String> uploaded = rest.withBasicAuth("zhengshi", "demo").postForEntity("/api/test-metrics/reports",
                new HttpEntity<>(form, multipart()), String.class);
        assertThat(uploaded.getStatusCode()).as("%s", uploaded).isEqualTo(HttpStatus.CREATED);
    }

    private static HttpHeaders multipart() {
        var headers = new HttpHeaders();
        headers.setContentType(MediaType.MULTIPART_FORM_DATA);
        return headers;
    }

    /** The running-instances and dead-letter gauges refresh every 15 s; run that refresh now instead of waiting. */
    private void refreshTheProcessGauges() {
        Runnable refresh = schedulers.stream().flatMap(s -> s.getScheduledTasks().stream())
                .map(task -> task.getTask().getRunnable())
                .filter(r -> r.toString().endsWith("ProcessMetrics.refreshActive"))
                .findFirst().orElseThrow(() -> new AssertionError("no scheduled ProcessMetrics.refreshActive"));
        refresh.run();
    }
}
