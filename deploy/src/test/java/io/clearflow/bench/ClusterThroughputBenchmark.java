package io.clearflow.bench;

import io.clearflow.cluster.ClusterInfrastructure;
import io.clearflow.cluster.PlatformApi;
import io.clearflow.cluster.PlatformNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Figure of issue 18 (not a test: surefire excludes {@code bench/**}; run it by name, see the README's "Benchmarks"):
 * reference-process instances per second through the REST API from 8 concurrent clients, against one node and against
 * two nodes on the same PostgreSQL. An instance is three calls with HTTP Basic (submit as zhangsan, department review
 * as lisi, compliance review as hegui); the clients find each task's id in the database, so that the inbox query is
 * not part of the figure. Phases alternate (one node, two nodes, ...) so that other load on the machine falls on both;
 * each phase warms up, then counts completed instances over its window. Next to the rate it prints what could limit
 * it: PostgreSQL's transactions per second ({@code pg_stat_database.xact_commit}: every committed transaction,
 * read-only ones included, such as the sign-in's user lookup), the CPU the node JVMs used (in cores, and per
 * instance) and the machine's CPU (all processes, from /proc/stat).
 *
 * <p>Options: {@code -Dbench.clients=8 -Dbench.seconds=20 -Dbench.warmup=5 -Dbench.rounds=3}.
 */
class ClusterThroughputBenchmark {

    final int clients = Integer.getInteger("bench.clients", 8);
    final int seconds = Integer.getInteger("bench.seconds", 20);
    final int warmup = Integer.getInteger("bench.warmup", 5);
    final int rounds = Integer.getInteger("bench.rounds", 3);
    final PlatformApi api = new PlatformApi();
    String dataFolder = "";

    record Figures(String side, double instancesPerSecond, double commitsPerSecond, double nodeCores,
                   double postgresCores, double machineBusy) {
        @Override
        public String toString() {
            return String.format("%-9s %6.1f instances/s  %6.0f transactions/s (%3.0f per instance)  node JVMs %4.2f cores"
                    + " (%4.2f core-s per instance)  PostgreSQL %4.2f cores  machine %3.0f%% busy", side,
                    instancesPerSecond, commitsPerSecond, commitsPerSecond / Math.max(instancesPerSecond, 0.001), nodeCores,
                    nodeCores / Math.max(instancesPerSecond, 0.001), postgresCores, machineBusy * 100);
        }
    }

    @Test
    void instancesPerSecondOneNodeAgainstTwo() throws Exception {
        Path probes = Path.of("target", "test-classes", "cluster").toAbsolutePath();
        try (ClusterInfrastructure infrastructure = new ClusterInfrastructure(Path.of("target", "bench-cluster"), false)) {
            JdbcTemplate db = new JdbcTemplate(infrastructure.database());
            dataFolder = infrastructure.folder.resolve("postgres").toString();
            // the bots are off: their schedules are not part of the figure
            List<String> settings = List.of("--clearflow.bots.enabled=false");
            List<String> jvm = List.of("-Xmx1g", "-XX:+UseParallelGC");
            PlatformNode a = infrastructure.node("node-a", settings).jvmOptions(jvm);
            PlatformNode b = infrastructure.node("node-b", settings).jvmOptions(jvm);
            try {
                a.start(probes).awaitReady(Duration.ofSeconds(180));
                b.start(probes).awaitReady(Duration.ofSeconds(180));
                // what the nodes commit with nobody using them: job acquisition, schedules, metrics
                long idleFrom = commits(db);
                Thread.sleep(10_000);
                double idleCommits = (commits(db) - idleFrom) / 10.0;
                System.out.printf("idle: %.0f transactions/s%n", idleCommits);
                List<Figures> one = new ArrayList<>();
                List<Figures> two = new ArrayList<>();
                for (int round = 0; round < rounds; round++) {
                    one.add(phase("one node", List.of(a), List.of(a, b), db));
                    System.out.println(one.get(one.size() - 1));
                    two.add(phase("two nodes", List.of(a, b), List.of(a, b), db));
                    System.out.println(two.get(two.size() - 1));
                }
                Figures oneMedian = median(one);
                Figures twoMedian = median(two);
                System.out.printf("%nReference-process instances through the REST API, %d clients, %d s windows, median of %d"
                        + " rounds, %d cores:%n%s%n%s%nscaling two nodes / one node: %.2f; idle %.0f transactions/s%n", clients,
                        seconds, rounds, Runtime.getRuntime().availableProcessors(), oneMedian, twoMedian,
                        twoMedian.instancesPerSecond() / oneMedian.instancesPerSecond(), idleCommits);
            } finally {
                a.stop();
                b.stop();
            }
        }
    }

    /** Clients against {@code targets} (client i on node i mod n); counts whole instances in the window. */
    private Figures phase(String side, List<PlatformNode> targets, List<PlatformNode> all, JdbcTemplate db) throws Exception {
        AtomicBoolean running = new AtomicBoolean(true);
        AtomicBoolean counting = new AtomicBoolean(false);
        AtomicInteger completed = new AtomicInteger();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        for (int c = 0; c < clients; c++) {
            PlatformNode node = targets.get(c % targets.size());
            pool.submit(() -> {
                int n = 0;
                while (running.get()) {
                    try {
                        String caseId = api.submitApproval(node, "吞吐 " + side + " " + n++);
                        api.approve(node, "lisi", openTask(db, caseId));
                        api.approve(node, "hegui", openTask(db, caseId));
                        if (counting.get()) {
                            completed.incrementAndGet();
                        }
                    } catch (Throwable e) {
                        failure.compareAndSet(null, e);
                        running.set(false);
                    }
                }
            });
        }
        Thread.sleep(warmup * 1000L);
        long commits = commits(db);
        long cpu = all.stream().mapToLong(n -> n.cpu().toMillis()).sum();
        long[] machine = machineTicks();
        long postgres = postgresTicks();
        long start = System.nanoTime();
        counting.set(true);
        Thread.sleep(seconds * 1000L);
        counting.set(false);
        double wall = (System.nanoTime() - start) / 1e9;
        int instances = completed.get();
        long commitsDone = commits(db) - commits;
        long cpuDone = all.stream().mapToLong(n -> n.cpu().toMillis()).sum() - cpu;
        long[] machineAfter = machineTicks();
        long postgresDone = postgresTicks() - postgres;
        running.set(false);
        pool.shutdown();
        pool.awaitTermination(60, TimeUnit.SECONDS);
        if (failure.get() != null) {
            throw new IllegalStateException("a client failed", failure.get());
        }
        double busy = machineAfter[1] == machine[1] ? 0
                : (double) (machineAfter[0] - machine[0]) / (machineAfter[1] - machine[1]);
        return new Figures(side, instances / wall, commitsDone / wall, cpuDone / 1000.0 / wall,
                postgresDone / 100.0 / wall, busy);
    }

    private static String openTask(JdbcTemplate db, String caseId) throws InterruptedException {
        for (int i = 0; i < 200; i++) {
            List<String> ids = db.queryForList("SELECT ID_ FROM ACT_RU_TASK WHERE PROC_INST_ID_ = ?", String.class, caseId);
            if (!ids.isEmpty()) {
                return ids.get(0);
            }
            Thread.sleep(10);
        }
        throw new IllegalStateException("no open task in " + caseId);
    }

    private static long commits(JdbcTemplate db) {
        return db.queryForObject("SELECT SUM(xact_commit) FROM pg_stat_database", Long.class);
    }

    /**
     * CPU jiffies (1/100 s) used so far by the embedded PostgreSQL: its postmaster (found by its data folder on the
     * command line) and the backends it forked.
     */
    private long postgresTicks() {
        try (var processes = Files.list(Path.of("/proc"))) {
            List<long[]> stats = new ArrayList<>(); // pid, ppid, utime + stime
            long postmaster = -1;
            for (Path p : processes.filter(p -> p.getFileName().toString().matches("\\d+")).toList()) {
                try {
                    String stat = Files.readString(p.resolve("stat"));
                    String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                    long pid = Long.parseLong(p.getFileName().toString());
                    stats.add(new long[] {pid, Long.parseLong(f[1]), Long.parseLong(f[11]) + Long.parseLong(f[12])});
                    if (new String(Files.readAllBytes(p.resolve("cmdline"))).contains(dataFolder)) {
                        postmaster = pid;
                    }
                } catch (Exception gone) {
                    // the process ended meanwhile
                }
            }
            long total = 0;
            for (long[] st : stats) {
                if (st[0] == postmaster || st[1] == postmaster) {
                    total += st[2];
                }
            }
            return total;
        } catch (Exception e) {
            return 0;
        }
    }

    /** Busy and total jiffies of all CPUs since boot (first line of /proc/stat). */
    private static long[] machineTicks() {
        try {
            String[] f = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
            long total = 0;
            for (int i = 1; i < f.length; i++) {
                total += Long.parseLong(f[i]);
            }
            long idle = Long.parseLong(f[4]) + Long.parseLong(f[5]);
            return new long[] {total - idle, total};
        } catch (Exception e) {
            return new long[] {0, 0};
        }
    }

    private static Figures median(List<Figures> figures) {
        List<Figures> sorted = figures.stream()
                .sorted(java.util.Comparator.comparingDouble(Figures::instancesPerSecond)).toList();
        return sorted.get(sorted.size() / 2);
    }
}
