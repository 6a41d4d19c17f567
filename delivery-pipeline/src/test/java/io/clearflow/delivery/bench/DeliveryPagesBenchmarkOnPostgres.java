package io.clearflow.delivery.bench;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.clearflow.delivery.DeliveryTestApplication;
import io.clearflow.engine.support.EmbeddedPostgresSupport;
import java.io.StringReader;
import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.postgresql.PGConnection;
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
 * Benchmark, not a timed test (runs only when named: {@code -Dtest='DeliveryPagesBenchmarkOnPostgres'}): loads the
 * issue's figure — 2,000 versions, 20,000 artifacts (10 a version, each promoted once), 50,000 deployments (25 a
 * version over the seeded systems' environments), 40,000 timeline entries, a passed test submission and a closed
 * change with three approvals per version — into embedded PostgreSQL with {@code COPY}, then times every delivery
 * page and list API through the whole MVC and security chain: p50/p95/max over {@code bench.requests} requests
 * each (default 200), after 30 warm-up requests, ids picked at random; {@code bench.only} picks pages by label.
 * The issue asks p95 &lt; 200 ms.
 */
@SpringBootTest(classes = DeliveryTestApplication.class)
@AutoConfigureMockMvc
@ActiveProfiles("test")
class DeliveryPagesBenchmarkOnPostgres {

    static final int VERSIONS = 2_000;
    static final int ARTIFACTS = 10;
    static final int DEPLOYMENTS = 25;
    static final int TIMELINE = 20;
    static final int REQUESTS = Integer.getInteger("bench.requests", 200);
    /** Only the pages whose label contains this text (e.g. {@code -Dbench.only=board}); all when absent. */
    static final String ONLY = System.getProperty("bench.only", "");
    static final List<String> SYSTEMS = List.of("ctrade", "clearing", "registry", "clearflow");

    @DynamicPropertySource
    static void postgres(DynamicPropertyRegistry registry) {
        EmbeddedPostgresSupport.register(registry);
    }

    @Autowired MockMvc mvc;
    @Autowired DataSource dataSource;
    @Autowired JdbcTemplate jdbc;

    long firstVersion;
    long firstArtifact;
    long firstDeployment;

    @Test
    void run() throws Exception {
        long t0 = System.nanoTime();
        load();
        System.out.printf(Locale.ROOT, "BENCH load into PostgreSQL (COPY, then ANALYZE): %.1f s%n", (System.nanoTime() - t0) / 1e9);
        System.out.printf(Locale.ROOT, "BENCH stored: %,d versions, %,d artifacts, %,d deployments, %,d timeline entries, "
                        + "%,d submissions, %,d changes%n", count("del_version"), count("del_artifact"), count("del_deployment"),
                count("del_timeline"), count("del_test_submission"), count("del_change"));
        if (Boolean.getBoolean("bench.explain")) {
            explainBoard();
        }
        Random random = new Random(7);
        measure("versions page /delivery/versions", () -> get("/delivery/versions"));
        measure("versions page, system filter, page 5", () -> get("/delivery/versions")
                .param("system", SYSTEMS.get(random.nextInt(SYSTEMS.size()))).param("page", "5"));
        measure("versions page, deep page (page 90)", () -> get("/delivery/versions").param("page", "90"));
        measure("version page /delivery/versions/{id}", () -> get("/delivery/versions/" + version(random)));
        measure("artifact page /delivery/artifacts/{id}", () -> get("/delivery/artifacts/" + artifact(random)));
        measure("deployment page /delivery/deployments/{id}", () -> get("/delivery/deployments/" + deployment(random)));
        measure("deployment board /delivery/board", () -> get("/delivery/board"));
        measure("submissions page /delivery/test-submissions", () -> get("/delivery/test-submissions"));
        measure("changes page /delivery/changes", () -> get("/delivery/changes"));
        measure("API versions list", () -> get("/api/delivery/versions"));
        measure("API versions list, system filter, page 3, size 100", () -> get("/api/delivery/versions")
                .param("system", SYSTEMS.get(random.nextInt(SYSTEMS.size()))).param("page", "3").param("size", "100"));
        measure("API version /api/delivery/versions/{id}", () -> get("/api/delivery/versions/" + version(random)));
        measure("API artifact /api/delivery/artifacts/{id}", () -> get("/api/delivery/artifacts/" + artifact(random)));
        measure("API deployment /api/delivery/deployments/{id}", () -> get("/api/delivery/deployments/" + deployment(random)));
        measure("API board /api/delivery/board", () -> get("/api/delivery/board"));
        measure("API submissions of a version", () -> get("/api/delivery/versions/" + version(random) + "/test-submissions"));
        measure("API submissions list (100)", () -> get("/api/delivery/test-submissions"));
        measure("API changes list (100)", () -> get("/api/delivery/changes"));
        measure("API systems", () -> get("/api/delivery/systems"));
    }

    long version(Random random) {
        return firstVersion + random.nextInt(VERSIONS);
    }

    long artifact(Random random) {
        return firstArtifact + random.nextInt(VERSIONS * ARTIFACTS);
    }

    long deployment(Random random) {
        return firstDeployment + random.nextInt(VERSIONS * DEPLOYMENTS);
    }

    long count(String table) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM " + table, Long.class);
    }

    void measure(String what, Supplier<MockHttpServletRequestBuilder> request) throws Exception {
        if (what.contains(ONLY)) {
            RequestTimings.print(what, REQUESTS, () -> call(request.get()));
        }
    }

    void call(MockHttpServletRequestBuilder request) throws Exception {
        mvc.perform(request.with(user("linops").roles("OPS"))).andExpect(status().isOk());
    }

    /** Bulk load with COPY; ids are given (after whatever the start-up wrote) so relations need no look-ups. */
    void load() throws Exception {
        firstVersion = next("del_version");
        firstArtifact = next("del_artifact");
        firstDeployment = next("del_deployment");
        long firstPromotion = next("del_promotion");
        long firstSubmission = next("del_test_submission");
        long firstChange = next("del_change");
        // the places to deploy to: every environment row of the seeded systems
        List<String[]> places = new ArrayList<>();
        for (String system : SYSTEMS) {
            jdbc.query("SELECT environment, target, executor FROM del_environment WHERE system_code = ? ORDER BY position",
                    rs -> { places.add(new String[] {system, rs.getString(1), rs.getString(2), rs.getString(3)}); }, system);
        }
        String sha = "ab".repeat(32);
        StringBuilder versions = new StringBuilder();
        StringBuilder artifacts = new StringBuilder();
        StringBuilder promotions = new StringBuilder();
        StringBuilder deployments = new StringBuilder();
        StringBuilder timeline = new StringBuilder();
        StringBuilder submissions = new StringBuilder();
        StringBuilder changes = new StringBuilder();
        StringBuilder approvals = new StringBuilder();
        for (int v = 0; v < VERSIONS; v++) {
            long version = firstVersion + v;
            String system = SYSTEMS.get(v % SYSTEMS.size());
            String label = "3." + (v / 100) + "." + v;
            String at = "2026-%02d-%02d 10:00:00+00".formatted(1 + (v / 200) % 12, 1 + v % 28);
            versions.append(version).append('\t').append(system).append('\t').append(label).append("\t\\N\twujiu\t").append(at).append('\n');
            for (int a = 0; a < ARTIFACTS; a++) {
                long artifact = firstArtifact + (long) v * ARTIFACTS + a;
                String digest = String.format("%064x", artifact);
                artifacts.append(artifact).append('\t').append(version).append("\tapp-").append(a).append(".jar\t").append(digest)
                        .append("\t1048576\t").append(a == 0 ? "production" : "test").append("\t\\N\twujiu\t").append(at).append('\n');
                promotions.append(firstPromotion + (long) v * ARTIFACTS + a).append('\t').append(artifact)
                        .append("\tbuilt\ttest\tzhengshi\t").append(at).append("\tsubmission/").append(v).append("/entry#1 PASS\n");
            }
            List<String[]> own = places.stream().filter(p -> p[0].equals(system)).toList();
            for (int d = 0; d < DEPLOYMENTS; d++) {
                long deployment = firstDeployment + (long) v * DEPLOYMENTS + d;
                long artifact = firstArtifact + (long) v * ARTIFACTS + d % ARTIFACTS;
                String[] place = own.get(d % own.size());
                boolean failed = d % 10 == 9;
                deployments.append(deployment).append('\t').append(artifact).append('\t').append(version).append('\t')
                        .append(place[0]).append('\t').append(place[1]).append('\t').append(place[2]).append('\t')
                        .append(place[3]).append('\t').append(String.format("%064x", artifact)).append("\t\\N\t\\N\t")
                        .append(failed ? "failed" : "succeeded").append("\tdelivery/runner/deployment-").append(deployment)
                        .append("\t[clearflow] step 1 ok\\n[clearflow] ").append(failed ? "failed: step 2 exited with code 1" : "succeeded")
                        .append("\t\\N\tlinops\t").append(at).append('\t').append(at).append('\t').append(at).append('\n');
            }
            for (int e = 0; e < TIMELINE; e++) {
                timeline.append(version).append('\t').append(at).append("\twujiu\t")
                        .append(e == 0 ? "version.created" : e < 11 ? "artifact.uploaded" : "deployment.succeeded")
                        .append("\tentry ").append(e).append("\t/delivery/versions/").append(version).append('\n');
            }
            long submission = firstSubmission + v;
            submissions.append(submission).append('\t').append(version).append('\t').append(firstArtifact + (long) v * ARTIFACTS)
                    .append('\t').append(system).append('\t').append(label).append("\tPASSED\t\\N\t\twujiu\t").append(at)
                    .append("\tzhengshi\t").append(at).append("\tt\tpassed\t").append(at).append("\t\\N\t").append(at).append('\n');
            long change = firstChange + v;
            changes.append(change).append("\tBENCH-").append(v).append('\t').append(submission).append('\t').append(version)
                    .append('\t').append(firstArtifact + (long) v * ARTIFACTS).append('\t').append(system).append('\t')
                    .append(v % 4 < 2 ? 't' : 'f').append("\tCLOSED\tlow\t2026-12-12 22:00-23:30\tredeploy\t\\N\t").append(system)
                    .append("\tf\tf\tQC,OPS,IT_MANAGER\tt\t\\N\t\\N\twujiu\t").append(at).append('\t')
                    .append(firstDeployment + (long) v * DEPLOYMENTS).append('\t').append(at).append("\tlinops\t").append(at)
                    .append("\tverified\t").append(at).append('\n');
            String[][] approvers = {{"QC", "chenqc"}, {"OPS", "linops"}, {"IT_MANAGER", "zhouba"}};
            for (String[] approver : approvers) {
                approvals.append(change).append('\t').append(approver[0]).append('\t').append(approver[1])
                        .append("\tt\tf\tf\tok\t").append(at).append('\n');
            }
        }
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            var copy = c.unwrap(PGConnection.class).getCopyAPI();
            copy.copyIn("COPY del_version (id, system_code, version, planned_date, created_by, created_at) FROM STDIN",
                    new StringReader(versions.toString()));
            copy.copyIn("COPY del_artifact (id, version_id, name, sha256, size_bytes, stage, source_url, uploaded_by, uploaded_at) "
                    + "FROM STDIN", new StringReader(artifacts.toString()));
            copy.copyIn("COPY del_promotion (id, artifact_id, from_stage, to_stage, promoted_by, promoted_at, gate_reference) "
                    + "FROM STDIN", new StringReader(promotions.toString()));
            copy.copyIn("COPY del_deployment (id, artifact_id, version_id, system_code, environment, target, executor, "
                    + "artifact_sha256, change_id, rollback_of, state, reference, output_tail, problem, requested_by, "
                    + "requested_at, started_at, finished_at) FROM STDIN", new StringReader(deployments.toString()));
            copy.copyIn("COPY del_timeline (version_id, occurred_at, actor, kind, detail, link) FROM STDIN",
                    new StringReader(timeline.toString()));
            copy.copyIn("COPY del_test_submission (id, version_id, artifact_id, system_code, version_label, state, case_id, "
                    + "scope_demand_ids, submitted_by, submitted_at, tester, accepted_at, verdict_passed, verdict_comment, "
                    + "completed_at, send_back_reason, updated_at) FROM STDIN", new StringReader(submissions.toString()));
            copy.copyIn("COPY del_change (id, change_key, test_submission_id, version_id, artifact_id, system_code, critical, "
                    + "state, risk, change_window, rollback_plan, deployment_steps, affected_systems, compliance_relevant, "
                    + "emergency, required_roles, approvals_complete, first_commit_at, case_id, submitted_by, submitted_at, "
                    + "deployment_id, deployed_at, closed_by, closed_at, close_comment, updated_at) FROM STDIN",
                    new StringReader(changes.toString()));
            copy.copyIn("COPY del_change_approval (change_id, role, approver, approved, emergency, after_deploy, comment, "
                    + "decided_at) FROM STDIN", new StringReader(approvals.toString()));
            for (String table : List.of("del_version", "del_artifact", "del_promotion", "del_deployment", "del_test_submission",
                    "del_change")) {
                s.execute("SELECT setval(pg_get_serial_sequence('" + table + "', 'id'), (SELECT MAX(id) FROM " + table + "))");
            }
            s.execute("ANALYZE");
        }
    }

    /** {@code -Dbench.explain=true}: PostgreSQL's plans of the board's queries, with their times. */
    void explainBoard() {
        String deployments = "SELECT d.id FROM del_deployment d WHERE d.id IN (SELECT (SELECT MAX(x.id) FROM del_deployment x "
                + "WHERE x.system_code = e.system_code AND x.environment = e.environment AND x.target = e.target%s) "
                + "FROM del_environment e)";
        for (String sql : List.of(deployments.formatted(""), deployments.formatted(" AND x.state = 'succeeded'"),
                "SELECT a.* FROM del_artifact a JOIN del_version v ON v.id = a.version_id WHERE v.system_code = 'ctrade' "
                        + "AND a.stage IN ('staging', 'production') ORDER BY a.id DESC FETCH FIRST 5 ROWS ONLY",
                "SELECT a.* FROM del_artifact a JOIN del_version v ON v.id = a.version_id WHERE v.system_code = 'ctrade' "
                        + "AND a.stage IN ('built', 'test', 'staging', 'production') ORDER BY a.id DESC FETCH FIRST 5 ROWS ONLY")) {
            System.out.println("BENCH explain " + sql);
            jdbc.queryForList("EXPLAIN ANALYZE " + sql, String.class).forEach(line -> System.out.println("BENCH   " + line));
        }
    }

    long next(String table) {
        return jdbc.queryForObject("SELECT COALESCE(MAX(id), 0) + 1 FROM " + table, Long.class);
    }
}
