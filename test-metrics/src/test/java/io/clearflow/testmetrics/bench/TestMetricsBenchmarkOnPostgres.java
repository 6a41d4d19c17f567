package io.clearflow.testmetrics.bench;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.clearflow.engine.support.EmbeddedPostgresSupport;
import io.clearflow.testmetrics.TestMetricsTestApplication;
import java.io.StringReader;
import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.postgresql.PGConnection;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.RequestBuilder;

/**
 * Benchmark, not a timed test (runs only when named: {@code -Dtest='TestMetricsBenchmark*'}): loads 1,000,000 test
 * results of 500 versions (two runs of 1,000 cases each, a JaCoCo and a SARIF report, defects and a test plan of
 * 200 cases, 150 of them automated, per
 * version) into embedded PostgreSQL with {@code COPY}, then times the version overview and trend pages (server
 * side, rendered HTML through the whole MVC and security chain) and their JSON twins: p50/p95 over
 * {@code bench.requests} requests each, versions picked at random, after warm-up.
 */
@SpringBootTest(classes = TestMetricsTestApplication.class)
@AutoConfigureMockMvc
@ActiveProfiles("test")
class TestMetricsBenchmarkOnPostgres {

    static final int VERSIONS = 500;
    static final int RUNS = 2;
    static final int CASES = 1_000;
    static final int PLAN_CASES = 200;
    static final int REQUESTS = Integer.getInteger("bench.requests", 200);

    @DynamicPropertySource
    static void postgres(DynamicPropertyRegistry registry) {
        EmbeddedPostgresSupport.register(registry);
    }

    @Autowired MockMvc mvc;
    @Autowired DataSource dataSource;

    static String version(int v) {
        return "2." + (v / 50) + "." + (v % 50);
    }

    @Test
    void run() throws Exception {
        long t0 = System.nanoTime();
        load();
        System.out.printf("BENCH load %,d results of %d versions (and %,d plan cases) into PostgreSQL (COPY, then ANALYZE): %.1f s%n",
                (long) VERSIONS * RUNS * CASES, VERSIONS, (long) VERSIONS * PLAN_CASES, (System.nanoTime() - t0) / 1e9);
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
             var rs = s.executeQuery("SELECT (SELECT COUNT(*) FROM tm_test_result), (SELECT COUNT(*) FROM tm_version)")) {
            rs.next();
            System.out.printf("BENCH stored: %,d test results, %d versions%n", rs.getLong(1), rs.getLong(2));
        }
        Random random = new Random(7);
        measure("version page /test-metrics/bench/{v}", () -> get("/test-metrics/bench/" + version(random.nextInt(VERSIONS))));
        measure("version JSON /api/.../versions/{v}", () -> get("/api/test-metrics/projects/bench/versions/" + version(random.nextInt(VERSIONS))));
        measure("trend page /test-metrics/bench (30 versions)", () -> get("/test-metrics/bench"));
        measure("trend JSON /api/.../trend?limit=30", () -> get("/api/test-metrics/projects/bench/trend?limit=30"));
        measure("plans JSON /api/.../versions/{v}/plans", () -> get("/api/test-metrics/projects/bench/versions/"
                + version(random.nextInt(VERSIONS)) + "/plans"));
        measure("plan page /test-metrics/plans/{id} (200 cases)", () -> get("/test-metrics/plans/" + (1 + random.nextInt(VERSIONS))));
        measure("maturity page /test-metrics/maturity?project=bench", () -> get("/test-metrics/maturity?project=bench"));
    }

    void measure(String what, java.util.function.Supplier<org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder> request) throws Exception {
        for (int i = 0; i < 30; i++) {
            call(request.get());
        }
        List<Double> ms = new ArrayList<>();
        for (int i = 0; i < REQUESTS; i++) {
            long t = System.nanoTime();
            call(request.get());
            ms.add((System.nanoTime() - t) / 1e6);
        }
        Collections.sort(ms);
        System.out.printf(Locale.ROOT, "BENCH %s: p50 %.1f ms, p95 %.1f ms, max %.1f ms (%d requests)%n", what,
                ms.get(ms.size() / 2), ms.get((int) (ms.size() * 0.95)), ms.get(ms.size() - 1), ms.size());
    }

    void call(org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder request) throws Exception {
        RequestBuilder built = request.with(user("zhouba").roles("IT_MANAGER"));
        mvc.perform(built).andExpect(status().isOk());
    }

    /** Bulk load with COPY; ids are given so the relations need no look-ups, sequences are moved past them. */
    void load() throws Exception {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            var copy = c.unwrap(PGConnection.class).getCopyAPI();
            String at = "2026-01-01 00:00:00+00";
            StringBuilder versions = new StringBuilder();
            StringBuilder runs = new StringBuilder();
            StringBuilder reports = new StringBuilder();
            StringBuilder coverage = new StringBuilder();
            StringBuilder findings = new StringBuilder();
            StringBuilder defects = new StringBuilder();
            long reportId = 0;
            long coverageId = 0;
            long findingId = 0;
            for (int v = 1; v <= VERSIONS; v++) {
                versions.append(v).append("\tbench\t").append(version(v - 1)).append('\t').append(at).append('\n');
                for (int r = 1; r <= RUNS; r++) {
                    long run = (long) (v - 1) * RUNS + r;
                    runs.append(run).append('\t').append(v).append('\t').append(r).append('\t').append(at).append('\n');
                    reports.append(++reportId).append('\t').append(v).append('\t').append(run)
                            .append("\tjunit\tTEST-bench.xml\t100000\t").append("0".repeat(64)).append("\tbench\t").append(at)
                            .append("\t{\"tests\":").append(CASES).append("}\n");
                }
                long lastRun = (long) v * RUNS;
                long jacoco = ++reportId;
                reports.append(jacoco).append('\t').append(v).append('\t').append(lastRun)
                        .append("\tjacoco\tjacoco.xml\t100000\t").append("0".repeat(64)).append("\tbench\t").append(at).append("\t{}\n");
                coverage.append(++coverageId).append('\t').append(jacoco).append('\t').append(v)
                        .append("\treport\tbench\t8000\t2000\t900\t300\t40000\t9000\t700\t100\t200\t0\n");
                for (int p = 0; p < 20; p++) {
                    coverage.append(++coverageId).append('\t').append(jacoco).append('\t').append(v)
                            .append("\tpackage\tio/clearflow/bench/p").append(p).append("\t400\t").append(50 + p * 3)
                            .append("\t45\t15\t2000\t450\t35\t5\t10\t0\n");
                }
                long sarif = ++reportId;
                reports.append(sarif).append('\t').append(v).append('\t').append(lastRun)
                        .append("\tsarif\tsemgrep.sarif\t10000\t").append("0".repeat(64)).append("\tbench\t").append(at).append("\t{}\n");
                for (int f = 0; f < 20; f++) {
                    int identity = f < 15 ? f : 1000 * v + f; // most findings persist, five are new per version
                    findings.append(++findingId).append('\t').append(sarif).append('\t').append(v)
                            .append("\tsemgrep\trule.").append(f % 5).append('\t').append(f % 4 == 0 ? "error" : "warning")
                            .append("\tfinding ").append(f).append("\tsrc/C").append(f).append(".java\t").append(10 + f).append('\t')
                            .append(String.format("%064x", identity)).append("\tf\t\\N\n");
                }
                for (int d = 0; d < 2; d++) {
                    defects.append("bench\tB-").append(v).append('-').append(d).append('\t').append(v).append("\tdefect ")
                            .append(d).append("\tmajor\t").append(d == 0 ? "integration" : "production").append('\t')
                            .append(d == 0 ? "RESOLVED" : "OPEN").append("\tio.clearflow.bench.Suite0Test.case").append(d)
                            .append('\t').append(at).append('\t').append(d == 0 ? at : "\\N").append('\n');
                }
            }
            copy.copyIn("COPY tm_version (id, project, version, created_at) FROM STDIN", new StringReader(versions.toString()));
            copy.copyIn("COPY tm_run (id, version_id, run_key, created_at) FROM STDIN", new StringReader(runs.toString()));
            copy.copyIn("COPY tm_report (id, version_id, run_id, format, file_name, size_bytes, sha256, uploaded_by, "
                    + "uploaded_at, summary) FROM STDIN", new StringReader(reports.toString()));
            copy.copyIn("COPY tm_coverage (id, report_id, version_id, scope, name, line_covered, line_missed, branch_covered, "
                    + "branch_missed, instruction_covered, instruction_missed, method_covered, method_missed, class_covered, "
                    + "class_missed) FROM STDIN", new StringReader(coverage.toString()));
            copy.copyIn("COPY tm_finding (id, report_id, version_id, tool, rule_id, level, message, uri, start_line, "
                    + "fingerprint, suppressed, suppression) FROM STDIN", new StringReader(findings.toString()));
            copy.copyIn("COPY tm_defect (project, defect_key, version_id, title, severity, phase, status, test_case, "
                    + "created_at, resolved_at) FROM STDIN", new StringReader(defects.toString()));
            long id = 0;
            for (int v = 1; v <= VERSIONS; v++) {
                StringBuilder results = new StringBuilder(CASES * RUNS * 120);
                for (int r = 1; r <= RUNS; r++) {
                    long run = (long) (v - 1) * RUNS + r;
                    long report = (long) (v - 1) * (RUNS + 2) + r;
                    for (int n = 0; n < CASES; n++) {
                        String status = n % 50 == 7 ? "FAILED" : n % 97 == 3 ? "SKIPPED" : "PASSED";
                        results.append(++id).append('\t').append(report).append('\t').append(run).append('\t').append(v)
                                .append("\tio.clearflow.bench.Suite").append(n / 50).append("Test\tio.clearflow.bench.Suite")
                                .append(n / 50).append("Test\tcase").append(n).append('\t').append(status).append('\t')
                                .append((n * 37) % 2000).append('\t').append(n % 211 == 5 ? 't' : 'f').append("\t0\t")
                                .append("FAILED".equals(status) ? "expected: <" + n + "> but was: <0>" : "\\N").append("\t\\N\n");
                    }
                }
                copy.copyIn("COPY tm_test_result (id, report_id, run_id, version_id, suite, class_name, name, status, "
                        + "duration_ms, flaky, reruns, message, detail) FROM STDIN", new StringReader(results.toString()));
            }
            StringBuilder plans = new StringBuilder();
            StringBuilder planCases = new StringBuilder();
            StringBuilder demands = new StringBuilder();
            StringBuilder manual = new StringBuilder();
            long caseId = 0;
            for (int v = 1; v <= VERSIONS; v++) {
                plans.append(v).append('\t').append(v).append("\tregression\tS").append(v).append("\tbench\t").append(at).append('\n');
                for (int n = 0; n < PLAN_CASES; n++) {
                    boolean automated = n < PLAN_CASES * 3 / 4;
                    // automated cases name tests of the runs, so the page matches them against CI results
                    String key = automated ? "io.clearflow.bench.Suite" + (n / 50) + "Test.case" + n : "TC-" + n;
                    planCases.append(++caseId).append('\t').append(v).append('\t').append(n).append('\t').append(key)
                            .append("\tcase ").append(n).append('\t').append(automated ? 't' : 'f').append('\n');
                    if (n % 3 == 0) {
                        demands.append(caseId).append('\t').append(1000 + n / 3).append('\n');
                    }
                    if (!automated && n % 2 == 0) {
                        manual.append(caseId).append('\t').append(n % 10 == 0 ? "FAILED" : "PASSED").append("\t\\N\t")
                                .append(n % 10 == 0 ? "B-" + v + "-0" : "\\N").append("\tbench\t").append(at).append('\n');
                    }
                }
            }
            copy.copyIn("COPY tm_plan (id, version_id, name, iteration, created_by, created_at) FROM STDIN", new StringReader(plans.toString()));
            copy.copyIn("COPY tm_plan_case (id, plan_id, position, case_key, title, automated) FROM STDIN", new StringReader(planCases.toString()));
            copy.copyIn("COPY tm_plan_case_demand (plan_case_id, demand_id) FROM STDIN", new StringReader(demands.toString()));
            copy.copyIn("COPY tm_manual_result (plan_case_id, status, note, defect_key, recorded_by, recorded_at) FROM STDIN",
                    new StringReader(manual.toString()));
            for (String table : List.of("tm_version", "tm_run", "tm_report", "tm_coverage", "tm_finding", "tm_test_result",
                    "tm_plan", "tm_plan_case")) {
                s.execute("SELECT setval(pg_get_serial_sequence('" + table + "', 'id'), (SELECT MAX(id) FROM " + table + "))");
            }
            s.execute("ANALYZE");
        }
    }
}
