package io.clearflow.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Two platform nodes (two JVMs started from the same classpath, as {@code java -jar clearflow.jar} twice) on one
 * PostgreSQL and one in-process KRaft Kafka broker, the {@code postgres,kafka} profiles, each on its own port, started
 * together after the migration step the Kubernetes Job runs ({@code postgres,migrate}); the load goes through both
 * over the REST API with HTTP Basic. What must hold:
 * <ul>
 *   <li>any node answers any call: every step of a case is done on the other node than the one before;</li>
 *   <li>asynchronous jobs and timers run exactly once: a test process with an async step and a 1 s timer, started on
 *       either node, has each step completed once in the event log;</li>
 *   <li>the embedded bots of both nodes, run together, handle every account-opening job once;</li>
 *   <li>a node killed with {@code kill -9} in the middle of its jobs (their transactions open, waiting on a lock the test
 *       holds) leaves them locked; the other node takes them once the lock expires and the event log shows each done
 *       once, after the kill;</li>
 *   <li>a node started again catches up: it finishes cases started on the other node while it was down;</li>
 *   <li>the outbox relays the event log to Kafka with one relay at a time: every event once, in log order per case.</li>
 * </ul>
 * At the end instances, tasks, event-log rows and Kafka records are counted against each other. The kill happens while
 * no relay round is in flight (the test holds the relay's cursor row): a kill inside a round may send that round's
 * events again, which the relay documents as at-least-once (consumers deduplicate on the CloudEvents id).
 */
class TwoNodeClusterTest {

    static final Duration JOB_LOCK = Duration.ofSeconds(5);
    static final int APPROVALS = 12;
    static final int PROBES = 16;
    static final int KILLED_JOBS = 4;
    static final int APPLICATIONS = 10;

    static ClusterInfrastructure infrastructure;
    static PlatformNode a;
    static PlatformNode b;
    static JdbcTemplate db;
    static Path probes;

    final PlatformApi api = new PlatformApi();

    @BeforeAll
    static void startCluster() throws Exception {
        infrastructure = new ClusterInfrastructure(Path.of("target", "cluster"), true);
        db = new JdbcTemplate(infrastructure.database());
        probes = Path.of("target", "test-classes", "cluster").toAbsolutePath();
        a = node("node-a");
        b = node("node-b");
        // the migration step (the Kubernetes Job) prepares the database once; then both nodes start at the same time,
        // as a Deployment's replicas do
        PlatformNode migration = infrastructure.migration().start(probes);
        int exit = migration.awaitExit(Duration.ofSeconds(150));
        assertThat(exit).as("migration step's exit code; see %s", migration.log()).isZero();
        a.start(probes);
        b.start(probes);
        a.awaitReady(Duration.ofSeconds(150));
        b.awaitReady(Duration.ofSeconds(150));
        assertThat(new PlatformApi().get(a, "zhangsan", "/actuator/health/liveness").status())
                .as("the liveness probe the Kubernetes manifests ask").isEqualTo(200);
    }

    static PlatformNode node(String name) {
        return infrastructure.node(name, List.of(
                // jobs locked by a dead node come back after JOB_LOCK; the lock owner names the node in ACT_RU_JOB
                "--flowable.process.async.executor.lock-owner=" + name,
                "--flowable.process.async.executor.async-job-lock-time=" + JOB_LOCK,
                "--flowable.process.async.executor.timer-lock-time=" + JOB_LOCK,
                "--flowable.process.async.executor.reset-expired-jobs-interval=PT1S",
                "--flowable.process.async.executor.default-async-job-acquire-wait-time=PT0.5S",
                "--flowable.process.async.executor.default-timer-job-acquire-wait-time=PT0.5S",
                // a missing log position (a rolled-back insert) is waited for this long before the relay passes it
                "--clearflow.outbox.kafka.gap-timeout=10s",
                // no OCR data here on purpose: the account-opening bot then hands every application to a person at
                // once, which is all this test needs of it (OCR itself is the reconciliation tests' subject)
                "--clearflow.ocr.tessdata=/nonexistent-tessdata",
                // one job per acquire, so that the two nodes' runs take turns on the same queue
                "--clearflow.bots.batch-size=1"));
    }

    @AfterAll
    static void stopCluster() throws Exception {
        for (PlatformNode node : new PlatformNode[] {a, b}) {
            if (node != null) {
                node.stop();
            }
        }
        if (infrastructure != null) {
            infrastructure.close();
        }
    }

    @Test
    @Timeout(value = 6, unit = TimeUnit.MINUTES)
    void twoNodesShareTheWorkAndLoseOrRepeatNothing() throws Exception {
        long begun = System.nanoTime();
        List<PlatformNode> nodes = List.of(a, b);

        // --- reference approvals, each step on the other node than the one before; probes started on either node
        List<String> approvals = new ArrayList<>();
        List<String> probeCases = new ArrayList<>();
        ExecutorService clients = Executors.newFixedThreadPool(4);
        try {
            List<Future<String>> approvalRuns = new ArrayList<>();
            for (int i = 0; i < APPROVALS; i++) {
                int n = i;
                approvalRuns.add(clients.submit(() -> approveEverywhere(nodes.get(n % 2), nodes.get((n + 1) % 2), "集群 " + n)));
            }
            for (int i = 0; i < PROBES; i++) {
                probeCases.add(startProbe(nodes.get(i % 2)));
            }
            for (Future<String> run : approvalRuns) {
                approvals.add(run.get(120, TimeUnit.SECONDS));
            }
        } finally {
            clients.shutdownNow();
        }

        // --- the embedded bots of both nodes, run at the same moment, on the same account-opening jobs
        List<String> applications = new ArrayList<>();
        for (int i = 0; i < APPLICATIONS; i++) {
            applications.add(apply(nodes.get(i % 2), i));
        }
        runBotsOnBothNodesUntilDone(applications);

        // --- kill -9 in the middle of jobs
        Set<String> killed = killMidJob();

        // --- while a is down, b takes new cases; a started again finishes them
        List<String> whileDown = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            whileDown.add(api.submitApproval(b, "集群 重启期间 " + i));
        }
        a.start(probes).awaitReady(Duration.ofSeconds(150));
        for (String caseId : whileDown) {
            api.approve(a, "lisi", openTask(caseId));
            api.approve(a, "hegui", openTask(caseId));
        }
        approvals.addAll(whileDown);
        for (int i = 0; i < 4; i++) {
            probeCases.add(startProbe(a)); // its async executor and timers work again
        }
        probeCases.addAll(killed);

        // --- everything settles: every case ended, the relay's cursor at the end of the log
        await(Duration.ofSeconds(60), "every probe and approval ended", () -> db.queryForObject(
                "SELECT COUNT(*) FROM ACT_RU_EXECUTION e JOIN ACT_RE_PROCDEF d ON e.PROC_DEF_ID_ = d.ID_"
                        + " WHERE d.KEY_ IN ('clusterProbe', 'referenceApproval')", Integer.class) == 0);
        await(Duration.ofSeconds(60), "the relay reached the end of the event log", () ->
                db.queryForObject("SELECT last_event_id FROM cf_outbox_cursor WHERE relay = 'kafka'", Long.class)
                        .equals(db.queryForObject("SELECT MAX(id) FROM cf_event_log", Long.class)));

        // --- counts: instances, tasks, jobs in the event log, bots, Kafka
        assertThat(count("SELECT COUNT(*) FROM ACT_HI_PROCINST p JOIN ACT_RE_PROCDEF d ON p.PROC_DEF_ID_ = d.ID_"
                + " WHERE d.KEY_ = 'referenceApproval' AND p.END_TIME_ IS NOT NULL")).isEqualTo(approvals.size());
        assertThat(count("SELECT COUNT(*) FROM ACT_HI_TASKINST t JOIN ACT_RE_PROCDEF d ON t.PROC_DEF_ID_ = d.ID_"
                + " WHERE d.KEY_ = 'referenceApproval' AND t.END_TIME_ IS NOT NULL")).as("two reviews per approval")
                .isEqualTo(2 * approvals.size());
        for (String caseId : approvals) {
            assertThat(events(caseId, "task", "complete")).as("reviews of %s in the event log", caseId).isEqualTo(2);
            assertThat(events(caseId, "process", "complete")).isEqualTo(1);
        }
        assertThat(count("SELECT COUNT(*) FROM ACT_HI_PROCINST p JOIN ACT_RE_PROCDEF d ON p.PROC_DEF_ID_ = d.ID_"
                + " WHERE d.KEY_ = 'clusterProbe' AND p.END_TIME_ IS NOT NULL")).isEqualTo(probeCases.size());
        for (String caseId : probeCases) {
            assertThat(activityCompletions(caseId, "work")).as("async step of %s done once", caseId).isEqualTo(1);
            assertThat(activityCompletions(caseId, "wait")).as("timer of %s fired once", caseId).isEqualTo(1);
            assertThat(events(caseId, "process", "complete")).isEqualTo(1);
        }
        assertThat(count("SELECT COUNT(*) FROM ACT_RU_DEADLETTER_JOB")).as("no job gave up").isZero();

        List<EventTopic.Received> records = EventTopic.readAll(infrastructure.kafka.getBrokersAsString(), Duration.ofSeconds(60));
        List<String> logged = db.queryForList("SELECT event_id FROM cf_event_log ORDER BY id", String.class);
        Set<String> distinct = new HashSet<>();
        records.forEach(r -> distinct.add(r.id()));
        assertThat(records).as("one record per event-log row, none twice").hasSize(logged.size());
        assertThat(distinct).as("every event of the log on the topic").isEqualTo(new HashSet<>(logged));
        Map<String, List<Long>> perCase = new LinkedHashMap<>();
        records.stream().filter(r -> r.key() != null)
                .forEach(r -> perCase.computeIfAbsent(r.key(), k -> new ArrayList<>()).add(r.position()));
        perCase.forEach((caseId, positions) -> assertThat(positions).as("case %s in log order", caseId).isSorted());

        System.out.printf("Relayed to Kafka by node a (since its restart): %s, by node b: %s%n", relayed(a), relayed(b));
        System.out.printf("Two nodes on one PostgreSQL and Kafka: %d approvals (%d tasks), %d probe cases (async step and"
                + " timer once each, %d of them taken over after a kill -9), %d account-opening jobs by the bots of both"
                + " nodes; %d events in the log = %d Kafka records, none twice, in order per case; %d s%n",
                approvals.size(), 2 * approvals.size(), probeCases.size(), killed.size(), applications.size(),
                logged.size(), records.size(), (System.nanoTime() - begun) / 1_000_000_000);
    }

    /** Submit on one node, department review on the other, compliance review on the first; the case read on both. */
    private String approveEverywhere(PlatformNode first, PlatformNode second, String title) {
        String caseId = api.submitApproval(first, title);
        PlatformApi.expect(api.get(second, "zhangsan", "/api/processes/" + caseId), 200);
        api.approve(second, "lisi", inboxTask(second, "lisi", caseId));
        api.approve(first, "hegui", inboxTask(first, "hegui", caseId));
        PlatformApi.expect(api.get(second, "zhangsan", "/api/approvals/case/" + caseId), 200);
        return caseId;
    }

    /** The case's open task as the user's inbox on that node lists it (the inbox is shared, whichever node asks). */
    private String inboxTask(PlatformNode node, String user, String caseId) {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (System.nanoTime() < deadline) {
            for (var task : PlatformApi.expect(api.get(node, user, "/api/tasks?size=200"), 200).json()) {
                if (caseId.equals(task.path("caseId").asText())) {
                    return task.path("id").asText();
                }
            }
            pause(100);
        }
        throw new AssertionError(user + "'s inbox on " + node.name + " has no task of " + caseId);
    }

    private String openTask(String caseId) {
        return db.queryForObject("SELECT ID_ FROM ACT_RU_TASK WHERE PROC_INST_ID_ = ?", String.class, caseId);
    }

    private String startProbe(PlatformNode node) {
        return PlatformApi.expect(api.post(node, "admin", "/api/processes", "{\"processKey\":\"clusterProbe\"}"), 201)
                .json().path("id").asText();
    }

    /** An account-opening application (with a blank card image) by business staff on an investor's behalf. */
    private String apply(PlatformNode node, int n) throws Exception {
        String boundary = "----cluster" + UUID.randomUUID();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        Map<String, String> fields = Map.of("name", "集群测试" + n, "idNumber", "11010519491231002X",
                "phone", "1380013800" + n, "address", "上海市浦东新区 " + n);
        for (var field : fields.entrySet()) {
            body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + field.getKey() + "\"\r\n\r\n"
                    + field.getValue() + "\r\n").getBytes(StandardCharsets.UTF_8));
        }
        body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"image\"; filename=\"card.png\"\r\n"
                + "Content-Type: image/png\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        ImageIO.write(new BufferedImage(320, 200, BufferedImage.TYPE_INT_RGB), "png", body);
        body.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        PlatformApi.Answer created = PlatformApi.expect(api.send(node, "zhangsan", "POST", "/api/account-opening",
                body.toByteArray(), "multipart/form-data; boundary=" + boundary), 201);
        return created.json().path("caseId").asText();
    }

    /** "Run now" on both nodes at once, again while jobs of these cases wait; then each job was handled once. */
    private void runBotsOnBothNodesUntilDone(List<String> cases) throws Exception {
        String in = "'" + String.join("','", cases) + "'";
        ExecutorService both = Executors.newFixedThreadPool(2);
        try {
            await(Duration.ofSeconds(60), "the bots handled every account-opening job", () -> {
                List<Future<Integer>> runs = List.of(
                        both.submit(() -> api.post(a, "sunqi", "/api/rpa/bots/account-opening/run", "").status()),
                        both.submit(() -> api.post(b, "sunqi", "/api/rpa/bots/account-opening/run", "").status()));
                for (Future<Integer> run : runs) {
                    try {
                        assertThat(run.get(30, TimeUnit.SECONDS)).as("run now").isIn(202, 409);
                    } catch (Exception e) {
                        throw new AssertionError(e);
                    }
                }
                pause(500);
                return count("SELECT COUNT(*) FROM ACT_RU_EXTERNAL_JOB WHERE PROCESS_INSTANCE_ID_ IN (" + in + ")") == 0
                        && count("SELECT COUNT(*) FROM rpa_run WHERE bot_name = 'account-opening' AND finished_at IS NULL") == 0;
            });
        } finally {
            both.shutdownNow();
        }
        List<Map<String, Object>> items = db.queryForList("SELECT i.job_id, COUNT(*) AS n FROM rpa_run_item i"
                + " JOIN rpa_run r ON r.id = i.run_id WHERE r.bot_name = 'account-opening' GROUP BY i.job_id");
        assertThat(items).as("one item per job").hasSize(cases.size())
                .allSatisfy(row -> assertThat(((Number) row.get("n")).intValue()).as("%s", row.get("job_id")).isEqualTo(1));
        for (String caseId : cases) {
            assertThat(count("SELECT COUNT(*) FROM ACT_RU_TASK WHERE PROC_INST_ID_ = '" + caseId + "'"))
                    .as("handed to a person once: %s", caseId).isEqualTo(1);
        }
        List<Map<String, Object>> perWorker = db.queryForList("SELECT worker_id, COUNT(*) AS runs, SUM(items_done"
                + " + items_handed + items_failed) AS items FROM rpa_run WHERE bot_name = 'account-opening' GROUP BY worker_id");
        assertThat(perWorker).as("runs on both nodes, competing for the same jobs").hasSize(2);
        System.out.printf("Bots: %d account-opening jobs, each handled once; runs and items per node: %s%n", cases.size(),
                perWorker);
    }

    /**
     * Starts probes on node a while the test holds the timer-job table, so a's job threads stop inside the jobs'
     * transactions (the async step is done, the timer it schedules cannot be inserted); kills a; releases the table.
     * a's open transactions die with its connections; b takes the jobs once a's locks expire.
     */
    private Set<String> killMidJob() throws Exception {
        Set<String> cases = new java.util.LinkedHashSet<>();
        Instant killedAt;
        Instant lockExpiry;
        try (Connection holder = infrastructure.database().getConnection(); Statement s = holder.createStatement()) {
            holder.setAutoCommit(false);
            // no relay round in flight from here: a kill inside one would send its events again (at least once)
            s.execute("SELECT last_event_id FROM cf_outbox_cursor WHERE relay = 'kafka' FOR UPDATE");
            s.execute("LOCK TABLE act_ru_timer_job IN EXCLUSIVE MODE");
            for (int i = 0; i < KILLED_JOBS; i++) {
                cases.add(startProbe(a));
            }
            String in = "'" + String.join("','", cases) + "'";
            await(Duration.ofSeconds(20), "a's job threads inside the jobs", () ->
                    count("SELECT COUNT(*) FROM ACT_RU_JOB WHERE PROCESS_INSTANCE_ID_ IN (" + in + ") AND LOCK_OWNER_ = 'node-a'")
                            == KILLED_JOBS
                    && count("SELECT COUNT(*) FROM pg_stat_activity WHERE application_name = 'node-a'"
                            + " AND wait_event_type = 'Lock'") >= 1);
            lockExpiry = db.queryForObject("SELECT MIN(LOCK_EXP_TIME_) FROM ACT_RU_JOB WHERE PROCESS_INSTANCE_ID_ IN ("
                    + in + ")", Timestamp.class).toInstant();
            a.kill();
            killedAt = Instant.now();
            holder.commit();
        }
        String in = "'" + String.join("','", cases) + "'";
        await(Duration.ofSeconds(40), "b finished the jobs a held", () ->
                count("SELECT COUNT(*) FROM cf_event_log WHERE case_id IN (" + in + ") AND activity_id = 'work'"
                        + " AND lifecycle = 'complete'") == KILLED_JOBS);
        List<Timestamp> done = db.queryForList("SELECT occurred_at FROM cf_event_log WHERE case_id IN (" + in + ")"
                + " AND activity_id = 'work' AND lifecycle = 'complete'", Timestamp.class);
        // taken over after the kill, and not before a's locks expired
        assertThat(done).allSatisfy(t -> assertThat(t.toInstant()).isAfter(killedAt).isAfterOrEqualTo(lockExpiry));
        System.out.printf("kill -9 of node a holding %d jobs: redone by node b %s ms after the kill (lock %s)%n",
                KILLED_JOBS, done.stream().map(t -> Duration.between(killedAt, t.toInstant()).toMillis()).sorted().toList(),
                JOB_LOCK);
        return cases;
    }

    /** The node's clearflow_outbox_published counter: the events its relay sent while it held the cursor. */
    private String relayed(PlatformNode node) {
        return api.metrics(node, "admin").lines()
                .filter(line -> line.startsWith("clearflow_outbox_published_total"))
                .map(line -> line.substring(line.lastIndexOf(' ') + 1)).findFirst().orElse("?");
    }

    private int events(String caseId, String scope, String lifecycle) {
        return count("SELECT COUNT(*) FROM cf_event_log WHERE case_id = '" + caseId + "' AND scope = '" + scope
                + "' AND lifecycle = '" + lifecycle + "'");
    }

    private int activityCompletions(String caseId, String activity) {
        return count("SELECT COUNT(*) FROM cf_event_log WHERE case_id = '" + caseId + "' AND activity_id = '" + activity
                + "' AND lifecycle = 'complete'");
    }

    private static int count(String sql) {
        return db.queryForObject(sql, Integer.class);
    }

    private static void await(Duration timeout, String what, BooleanSupplier done) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!done.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not within " + timeout + ": " + what);
            }
            pause(200);
        }
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
