package io.clearflow.demand.bench;

import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import io.clearflow.demand.DemandTestApplication;
import io.clearflow.demand.api.NewDemand;
import io.clearflow.demand.jira.JiraSync;
import io.clearflow.demand.lifecycle.DemandService;
import io.clearflow.demand.support.DemandSeeder;
import io.clearflow.engine.identity.OrgDirectory;
import io.clearflow.engine.support.EmbeddedPostgresSupport;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * Benchmark, not a test (surefire's default includes leave it out); run it by name, see the README:
 * 50,000 demands on embedded PostgreSQL, p50/p95 of the portal pages and the statistics endpoint
 * through the whole MVC stack (security, controllers, SQL, Thymeleaf), and a reconciliation of
 * 10,000 Jira issues served by WireMock in pages of 100 (time, allocation and heap).
 */
@SpringBootTest(classes = DemandTestApplication.class)
@AutoConfigureMockMvc
@ActiveProfiles("test")
class DemandBenchmark {

    static final int DEMANDS = Integer.getInteger("bench.demands", 50_000);
    static final int ISSUES = Integer.getInteger("bench.issues", 10_000);
    static final int ROUNDS = Integer.getInteger("bench.rounds", 100);
    static final WireMockServer JIRA = new WireMockServer(WireMockConfiguration.options().dynamicPort()
            .containerThreads(8));

    static {
        JIRA.start();
    }

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        EmbeddedPostgresSupport.register(registry);
        registry.add("clearflow.demand.jira.base-url", JIRA::baseUrl);
        registry.add("clearflow.demand.jira.page-size", () -> "100");
        registry.add("clearflow.demand.jira.webhook-secret", () -> "bench");
    }

    @AfterAll
    static void stop() {
        JIRA.stop();
    }

    @Autowired MockMvc mvc;
    @Autowired JdbcTemplate jdbc;
    @Autowired DemandService demands;
    @Autowired OrgDirectory directory;
    @Autowired JiraSync sync;
    @Autowired io.clearflow.demand.stats.DemandRollup rollup;
    @Autowired io.clearflow.engine.security.ApiTokenService tokens;

    @Test
    void run() throws Exception {
        StringBuilder report = new StringBuilder();
        long t0 = System.nanoTime();
        var rows = DemandSeeder.generate(7, DEMANDS, List.of("dept-registry", "dept-clearing", "dept-account",
                "dept-operations"), Instant.parse("2025-01-01T00:00:00Z"));
        DemandSeeder.insert(jdbc, rows, List.of("zhangsan", "lisi", "wangwu", "zhaoliu"));
        // what autovacuum does to a table in production: statistics and the visibility map (index-only scans)
        jdbc.execute("VACUUM ANALYZE");
        report.append("seeded ").append(DEMANDS).append(" demands (+ tasks) in ")
                .append((System.nanoTime() - t0) / 1_000_000).append(" ms\n");
        long real = demands.submit(directory.requireMember("zhangsan"), new NewDemand("基准需求", "用于详情页", "FEATURE",
                null, "NORMAL", false, null, null, null), List.of()).id();
        // the submission went through the lifecycle on PostgreSQL: the rollup must still equal its source
        assertThat(io.clearflow.demand.support.RollupRows.normalised(rollup.maintained()))
                .isEqualTo(io.clearflow.demand.support.RollupRows.normalised(rollup.fromScratch()));

        Map<String, MockHttpServletRequestBuilder> pages = new LinkedHashMap<>();
        pages.put("GET /demand (my demands, zhangsan)", get("/demand").with(user("zhangsan")));
        pages.put("GET /demand/board (kanban, all departments)", get("/demand/board").with(user("zhouba")));
        pages.put("GET /demand/board?q=批量需求 4999 (text search)",
                get("/demand/board").param("q", "批量需求 4999").with(user("zhouba")));
        pages.put("GET /demand/board?state=DONE&page=3 (show more)",
                get("/demand/board").param("state", "DONE").param("page", "3").with(user("zhouba")));
        pages.put("GET /demand/board?department=dept-clearing",
                get("/demand/board").param("department", "dept-clearing").with(user("zhouba")));
        pages.put("GET /demand/versions", get("/demand/versions").with(user("zhouba")));
        pages.put("GET /demand/" + real + " (detail)", get("/demand/" + real).with(user("zhangsan")));
        pages.put("GET /demand/stats (page, all departments)", get("/demand/stats").with(user("zhouba")));
        // API clients authenticate with a bearer token (one SHA-256 lookup); HTTP Basic checks the
        // password with BCrypt on every request (deliberately ~100 ms of CPU), measured once apart
        String bearer = "Bearer " + tokens.issue("zhouba", "benchmark").token();
        pages.put("GET /api/demands/stats (all departments)",
                get("/api/demands/stats").header("Authorization", bearer));
        pages.put("GET /api/demands/stats?department=dept-clearing",
                get("/api/demands/stats").param("department", "dept-clearing").header("Authorization", bearer));
        pages.put("GET /api/demands/stats.csv", get("/api/demands/stats.csv").header("Authorization", bearer));
        pages.put("GET /api/demands/stats with HTTP Basic (BCrypt per request)",
                get("/api/demands/stats").with(httpBasic("zhouba", "demo")));
        report.append(String.format("%-60s %8s %8s %8s%n", "request (" + ROUNDS + " rounds after 20 warm-up)", "p50 ms",
                "p95 ms", "max ms"));
        for (var page : pages.entrySet()) {
            for (int i = 0; i < 20; i++) {
                mvc.perform(page.getValue()).andReturn();
            }
            double[] ms = new double[ROUNDS];
            for (int i = 0; i < ROUNDS; i++) {
                long start = System.nanoTime();
                var result = mvc.perform(page.getValue()).andReturn();
                ms[i] = (System.nanoTime() - start) / 1e6;
                assertThat(result.getResponse().getStatus()).as(page.getKey()).isEqualTo(200);
            }
            Arrays.sort(ms);
            report.append(String.format("%-60s %8.1f %8.1f %8.1f%n", page.getKey(), ms[ROUNDS / 2 - 1],
                    ms[(int) Math.ceil(0.95 * ROUNDS) - 1], ms[ROUNDS - 1]));
        }

        if (Boolean.getBoolean("bench.explain")) {
            report.append(explain());
        }
        report.append(reconcile());
        System.out.println("\n===== demand-portal benchmark =====\n" + report);
        Files.createDirectories(Path.of("target"));
        Files.writeString(Path.of("target", "demand-benchmark.txt"), report);
    }

    /** PostgreSQL's plans and timings of the queries behind the pages (-Dbench.explain=true), for profiling. */
    private String explain() {
        String columns = "id, title, description, department, requester, category, state, submitted_at";
        List<String> queries = List.of(
                "SELECT " + columns + " FROM cf_demand WHERE state = 'TRACKING' ORDER BY id DESC OFFSET 0 ROWS FETCH FIRST 50 ROWS ONLY",
                "SELECT " + columns + " FROM cf_demand WHERE state = 'DONE' AND department = 'dept-clearing' ORDER BY id DESC "
                        + "OFFSET 0 ROWS FETCH FIRST 50 ROWS ONLY",
                "SELECT " + columns + " FROM cf_demand WHERE requester = 'zhangsan' ORDER BY id DESC OFFSET 0 ROWS FETCH FIRST 100 ROWS ONLY",
                "SELECT state, SUM(demands) FROM cf_demand_rollup GROUP BY state",
                "SELECT d.target_version AS v, COUNT(t.id) AS n, SUM(CASE WHEN t.status = 'DONE' THEN 1 ELSE 0 END) AS done "
                        + "FROM cf_demand d JOIN cf_demand_task t ON t.demand_id = d.id WHERE d.target_version IS NOT NULL "
                        + "GROUP BY d.target_version",
                "SELECT d.target_version AS v, COUNT(*) AS n, SUM(CASE WHEN d.state = 'DONE' THEN 1 ELSE 0 END) AS done, "
                        + "SUM(d.estimate_days) AS est, SUM(d.actual_days) AS act FROM cf_demand d WHERE d.target_version IS NOT NULL "
                        + "GROUP BY d.target_version ORDER BY d.target_version DESC",
                "SELECT lead_seconds FROM cf_demand WHERE state = 'DONE' AND lead_seconds IS NOT NULL ORDER BY lead_seconds DESC "
                        + "OFFSET 3000 ROWS FETCH FIRST 1 ROW ONLY",
                "SELECT lead_seconds FROM cf_demand WHERE state = 'DONE' AND department = 'dept-clearing' AND lead_seconds IS NOT NULL "
                        + "ORDER BY lead_seconds DESC OFFSET 750 ROWS FETCH FIRST 1 ROW ONLY");
        StringBuilder out = new StringBuilder();
        for (String q : queries) {
            out.append("EXPLAIN ANALYZE ").append(q).append('\n');
            jdbc.queryForList("EXPLAIN (ANALYZE, BUFFERS) " + q, String.class).forEach(l -> out.append("  ").append(l).append('\n'));
        }
        return out.toString();
    }

    /** 10,000 tasks linked to Jira issues; Jira reports every one of them in another status, 100 per page. */
    private String reconcile() {
        jdbc.update("DELETE FROM cf_demand_task");
        jdbc.update("INSERT INTO cf_demand_task (demand_id, title, status, sync_state, jira_key, updated_at) "
                + "SELECT id, '同步任务', 'TODO', 'SYNCED', CONCAT('DEM-', CAST(id AS VARCHAR)), submitted_at FROM cf_demand "
                + "ORDER BY id FETCH FIRST " + ISSUES + " ROWS ONLY");
        List<Long> ids = jdbc.queryForList("SELECT id FROM cf_demand_task ORDER BY id", Long.class);
        int pageSize = 100;
        for (int p = 0; p * pageSize < ids.size(); p++) {
            StringBuilder issues = new StringBuilder();
            for (int i = p * pageSize; i < Math.min(ids.size(), (p + 1) * pageSize); i++) {
                if (issues.length() > 0) {
                    issues.append(',');
                }
                long id = ids.get(i);
                String status = i % 3 == 0 ? "Done" : "In Progress";
                issues.append("{\"id\":\"").append(20000 + id).append("\",\"key\":\"JIRA-").append(id)
                        .append("\",\"fields\":{\"status\":{\"name\":\"").append(status)
                        .append("\",\"statusCategory\":{\"key\":\"").append(i % 3 == 0 ? "done" : "indeterminate")
                        .append("\"}},\"labels\":[\"clearflow\",\"cf-task-").append(id).append("\"],")
                        .append("\"customfield_10050\":\"DEM-").append(id).append("\",\"summary\":\"同步任务\"}}");
            }
            boolean last = (p + 1) * pageSize >= ids.size();
            String body = "{\"issues\":[" + issues + "]" + (last ? ",\"isLast\":true}" : ",\"nextPageToken\":\"p" + (p + 1)
                    + "\",\"isLast\":false}");
            var request = post("/rest/api/3/search/jql");
            request = p == 0 ? request.withRequestBody(matchingJsonPath("$.nextPageToken", WireMock.absent()))
                    : request.withRequestBody(matchingJsonPath("$.nextPageToken", WireMock.equalTo("p" + p)));
            JIRA.stubFor(request.willReturn(okJson(body)));
        }
        System.gc();
        List<MemoryPoolMXBean> heap = ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(pool -> pool.getType() == MemoryType.HEAP).toList();
        heap.forEach(MemoryPoolMXBean::resetPeakUsage);
        var threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long allocatedBefore = threads.getCurrentThreadAllocatedBytes();
        long usedBefore = heap.stream().mapToLong(pool -> pool.getUsage().getUsed()).sum();
        JiraSync.Reconciliation result = sync.reconcile();
        long allocated = threads.getCurrentThreadAllocatedBytes() - allocatedBefore;
        long peak = heap.stream().mapToLong(pool -> pool.getPeakUsage().getUsed()).sum();
        Integer done = jdbc.queryForObject("SELECT COUNT(*) FROM cf_demand_task WHERE status = 'DONE'", Integer.class);
        assertThat(result.issues()).isEqualTo(ids.size());
        assertThat(done).isEqualTo((ids.size() + 2) / 3);
        List<String> lines = new ArrayList<>();
        lines.add(String.format("reconciliation: %d issues in %d pages, %d tasks updated, %d re-linked: %d ms",
                result.issues(), result.pages(), result.updated(), result.adopted(), result.took().toMillis()));
        lines.add(String.format("  allocated by the syncing thread: %.1f MB; heap in use before %.1f MB, peak during %.1f MB "
                + "(sum of per-pool peaks, includes garbage not yet collected)", allocated / 1e6, usedBefore / 1e6, peak / 1e6));
        return String.join("\n", lines) + "\n";
    }
}
