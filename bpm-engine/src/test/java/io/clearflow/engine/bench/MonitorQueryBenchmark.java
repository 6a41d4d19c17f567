package io.clearflow.engine.bench;

import io.clearflow.engine.EngineTestApplication;
import io.clearflow.engine.api.Member;
import io.clearflow.engine.identity.OrgDirectory;
import io.clearflow.engine.reference.ApprovalService;
import io.clearflow.engine.security.ApiTokenService;
import io.clearflow.engine.support.EmbeddedPostgresSupport;
import io.clearflow.engine.work.WorkService;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.boot.Banner;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The figure of issue 3: the task inbox and the process-instance query answer within 200 ms at the
 * 95th percentile with 100,000 historic instances and 10,000 open tasks on PostgreSQL.
 *
 * <p>Method: the platform starts on a new embedded PostgreSQL database with its real HTTP stack.
 * A few real instances of the reference approval are run through the platform as templates (one
 * completed, one waiting in each of four departments' inboxes); {@link BulkSeeder} then copies
 * their rows in bulk SQL ({@code generate_series}), with fresh ids, initiators, departments and
 * times: the historic instances into {@code ACT_HI_PROCINST}, the open ones into every runtime
 * and history table the engine keeps for them (executions, tasks, identity links, variables).
 * Each query is then sent over HTTP with a bearer token (no password hashing per request), warmed
 * up, and timed one request after another; p50/p95/p99 are of the timed requests' round trips.
 *
 * <p>Not a test: {@code ./mvnw -B -pl bpm-engine -Pbench test-compile exec:exec -Dbench.suite=monitor}
 * (options {@code -Dbench.historic=100000 -Dbench.openTasks=10000 -Dbench.requests=200}).
 */
public final class MonitorQueryBenchmark {

    static final double TARGET_P95_MS = 200;

    private MonitorQueryBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int historic = Integer.getInteger("bench.historic", 100_000);
        int openTasks = Integer.getInteger("bench.openTasks", 10_000);
        int requests = Integer.getInteger("bench.requests", 200);
        int warmUp = Math.max(20, requests / 4);
        System.out.printf(Locale.ROOT, "ClearFlow monitoring benchmark: %,d historic instances, %,d open tasks, "
                        + "%d timed requests per query after %d warm-up; %d cores, Java %s%n", historic, openTasks,
                requests, warmUp, Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"));
        long begin = System.nanoTime();
        var database = EmbeddedPostgresSupport.newDatabase("bench_monitor");
        ConfigurableApplicationContext context = new SpringApplicationBuilder(EngineTestApplication.class)
                .bannerMode(Banner.Mode.OFF).logStartupInfo(false)
                .run("--spring.datasource.url=" + database.url(),
                        "--spring.datasource.username=" + database.username(),
                        "--spring.datasource.password=" + database.password(),
                        "--clearflow.data-dir=target/bench/monitor",
                        "--server.port=0", "--server.address=127.0.0.1",
                        "--flowable.async-executor-activate=false",
                        "--logging.level.root=WARN");
        try {
            int port = Integer.parseInt(context.getEnvironment().getProperty("local.server.port"));
            JdbcTemplate jdbc = context.getBean(JdbcTemplate.class);
            Templates templates = runTemplates(context);
            long seedStart = System.nanoTime();
            BulkSeeder seeder = new BulkSeeder(jdbc);
            seeder.historic(templates.completed(), historic);
            seeder.open(templates.open(), openTasks);
            seeder.analyze();
            System.out.printf(Locale.ROOT, "seeded in %.1f s: %,d rows in ACT_HI_PROCINST, %,d in ACT_RU_TASK%n",
                    (System.nanoTime() - seedStart) / 1e9,
                    jdbc.queryForObject("SELECT COUNT(*) FROM ACT_HI_PROCINST", Long.class),
                    jdbc.queryForObject("SELECT COUNT(*) FROM ACT_RU_TASK", Long.class));

            System.out.println("load average before measuring: " + loadAverage());
            ApiTokenService tokens = context.getBean(ApiTokenService.class);
            String lisi = tokens.issue("lisi", "bench").token();
            String linops = tokens.issue("linops", "bench").token();
            String zhangsan = tokens.issue("zhangsan", "bench").token();
            String month = java.time.YearMonth.now().minusMonths(2).toString();
            String from = month + "-01";
            String to = java.time.YearMonth.parse(month).atEndOfMonth().toString();

            Map<String, Query> queries = new LinkedHashMap<>();
            queries.put("inbox GET /api/tasks (lisi, 1st page of 50)", new Query(lisi, "/api/tasks"));
            queries.put("inbox GET /api/tasks?page=10 (lisi)", new Query(lisi, "/api/tasks?page=10&size=50"));
            queries.put("instances, no filter (ops, page 1 of 20)", new Query(linops, "/api/monitor/instances"));
            queries.put("instances, key+status+dept+month (ops)", new Query(linops, "/api/monitor/instances?processKey=referenceApproval"
                    + "&status=completed&department=dept-clearing&from=" + from + "&to=" + to + "&page=3"));
            queries.put("instances, running, oldest first (ops)", new Query(linops, "/api/monitor/instances?status=running&sort=asc"));
            queries.put("instances, own department (zhangsan)", new Query(zhangsan, "/api/monitor/instances?page=50"));
            queries.put("instances, initiator (ops)", new Query(linops, "/api/monitor/instances?initiator=wangwu&page=2"));
            queries.put("department query, one month (ops)", new Query(linops, "/api/monitor/departments?from=" + from + "&to=" + to));
            queries.put("usage statistics, month vs last (ops)", new Query(linops, "/api/monitor/statistics?month=" + month));

            HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
            List<String> lines = new ArrayList<>();
            boolean met = true;
            for (var entry : queries.entrySet()) {
                Query query = entry.getValue();
                for (int i = 0; i < warmUp; i++) {
                    query.send(http, port);
                }
                long[] micros = new long[requests];
                for (int i = 0; i < requests; i++) {
                    long start = System.nanoTime();
                    query.send(http, port);
                    micros[i] = (System.nanoTime() - start) / 1000;
                }
                java.util.Arrays.sort(micros);
                double p95 = percentile(micros, 95);
                boolean target = entry.getKey().startsWith("inbox") || entry.getKey().startsWith("instances");
                met &= !target || p95 < TARGET_P95_MS;
                lines.add(String.format(Locale.ROOT, "%-46s %8.1f %8.1f %8.1f %8.1f%s", entry.getKey(), percentile(micros, 50),
                        p95, percentile(micros, 99), micros[micros.length - 1] / 1000.0,
                        target ? (p95 < TARGET_P95_MS ? "  ok" : "  OVER TARGET") : ""));
            }
            // the same two target queries called in-process: what the service and database take,
            // without HTTP, security filters and JSON
            WorkService work = context.getBean(WorkService.class);
            io.clearflow.engine.monitor.InstanceMonitor monitor = context.getBean(io.clearflow.engine.monitor.InstanceMonitor.class);
            OrgDirectory directory = context.getBean(OrgDirectory.class);
            Member lisiMember = directory.requireMember("lisi");
            Member ops = directory.requireMember("linops");
            authenticate("linops");
            Map<String, Runnable> direct = new LinkedHashMap<>();
            direct.put("WorkService.inbox (lisi, 1st page of 50)", () -> work.inbox(lisiMember, 0, 50));
            direct.put("InstanceMonitor.search, no filter (ops)", () -> monitor.search(ops,
                    io.clearflow.engine.monitor.InstanceFilter.none(), false, 0, 20));
            direct.put("InstanceMonitor.search, running, oldest first", () -> monitor.search(ops,
                    new io.clearflow.engine.monitor.InstanceFilter(null, "running", null, null, null, null), true, 0, 20));
            for (var entry : direct.entrySet()) {
                for (int i = 0; i < warmUp; i++) {
                    entry.getValue().run();
                }
                long[] micros = new long[requests];
                for (int i = 0; i < requests; i++) {
                    long start = System.nanoTime();
                    entry.getValue().run();
                    micros[i] = (System.nanoTime() - start) / 1000;
                }
                java.util.Arrays.sort(micros);
                lines.add(String.format(Locale.ROOT, "%-46s %8.1f %8.1f %8.1f %8.1f  (in-process)", entry.getKey(),
                        percentile(micros, 50), percentile(micros, 95), percentile(micros, 99), micros[micros.length - 1] / 1000.0));
            }

            System.out.println();
            System.out.printf(Locale.ROOT, "%-46s %8s %8s %8s %8s%n", "query (HTTP round trip unless marked, ms)", "p50", "p95", "p99", "max");
            lines.forEach(System.out::println);
            System.out.printf(Locale.ROOT, "(target: inbox and instance query p95 < %.0f ms: %s; took %.0f s; load average %s)%n",
                    TARGET_P95_MS, met ? "met" : "NOT met", (System.nanoTime() - begin) / 1e9, loadAverage());
        } finally {
            context.close();
        }
        System.exit(0);
    }

    /** Service calls check the caller's roles ({@code @PreAuthorize}): run them as this user. */
    private static void authenticate(String userId) {
        var authorities = java.util.List.of(new org.springframework.security.core.authority.SimpleGrantedAuthority("ROLE_OPS"));
        org.springframework.security.core.context.SecurityContextHolder.getContext().setAuthentication(
                new org.springframework.security.authentication.UsernamePasswordAuthenticationToken(userId, null, authorities));
    }

    /** The machine's 1/5/15-minute load: on 2 shared cores, other work changes the figures a lot. */
    static String loadAverage() {
        try {
            return String.join(" ", java.util.Arrays.copyOf(
                    java.nio.file.Files.readString(java.nio.file.Path.of("/proc/loadavg")).split(" "), 3));
        } catch (java.io.IOException e) {
            return "unknown";
        }
    }

    /** Nearest-rank percentile of sorted microseconds, in milliseconds. */
    static double percentile(long[] sortedMicros, int p) {
        int rank = (int) Math.ceil(p / 100.0 * sortedMicros.length);
        return sortedMicros[Math.max(0, rank - 1)] / 1000.0;
    }

    record Query(String token, String path) {
        void send(HttpClient http, int port) {
            try {
                HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                        .header("Authorization", "Bearer " + token).header("Accept", "application/json").GET().build(),
                        HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() != 200) {
                    throw new IllegalStateException(path + " answered " + response.statusCode() + ": " + response.body());
                }
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    /** Instance ids of the templates: one completed approval, and one open approval per department. */
    record Templates(String completed, List<BulkSeeder.OpenTemplate> open) { }

    private static Templates runTemplates(ConfigurableApplicationContext context) {
        ApprovalService approvals = context.getBean(ApprovalService.class);
        WorkService work = context.getBean(WorkService.class);
        OrgDirectory directory = context.getBean(OrgDirectory.class);
        Member zhangsan = directory.requireMember("zhangsan");
        Member lisi = directory.requireMember("lisi");
        Member hegui = directory.requireMember("hegui");
        String completed = approvals.submit(zhangsan, "bench completed", BigDecimal.TEN, "bench").caseId();
        approvals.decide(lisi, work.inbox(lisi, 0, 10).get(0).id(), true, null);
        approvals.decide(hegui, work.inbox(hegui, 0, 10).get(0).id(), true, null);
        List<BulkSeeder.OpenTemplate> open = new ArrayList<>();
        for (String user : List.of("zhangsan", "wangwu", "zhaoliu", "sunqi")) {
            Member member = directory.requireMember(user);
            open.add(new BulkSeeder.OpenTemplate(approvals.submit(member, "bench open", BigDecimal.ONE, "bench").caseId(),
                    user, member.department()));
        }
        return new Templates(completed, open);
    }
}
