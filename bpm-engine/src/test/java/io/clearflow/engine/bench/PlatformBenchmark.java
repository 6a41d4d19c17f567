package io.clearflow.engine.bench;

import io.clearflow.engine.support.EmbeddedPostgresSupport;
import io.clearflow.engine.support.EmbeddedPostgresSupport.Database;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * What ClearFlow costs on top of Flowable: the reference process run to its end through the platform
 * service layer (event log on) and through the bare Flowable API, on an H2 file database and on
 * embedded PostgreSQL, in one JVM. Prints instances per second of each side and their ratio per
 * database. Not a test: {@code ./mvnw -B -pl bpm-engine -Pbench test-compile exec:exec}.
 *
 * <p>Fairness: each side gets its own new database of the same kind (PostgreSQL with durable
 * commits, its production default); the sides run in the same JVM, taking turns instance by
 * instance (see {@link Interleaved}), through the same warm-up and then the measured rounds; the
 * figures printed are the medians of the rounds, a ratio the median of the rounds' ratios.
 *
 * <p>With {@code -Dbench.suite=monitor} it runs {@link MonitorQueryBenchmark} instead.
 *
 * <p>Arguments: {@code [instances=1000] [warm-up=200] [rounds=5]}, instances and warm-up per side
 * and database. With {@code -Dbench.attribution=true} a third side, the platform without its event
 * log, shows how much of the difference the event log is. With {@code -Dbench.breakdown=true} the
 * platform's time per instance is split by part (engine, commits, event log, metrics, authorisation
 * and visibility, business data; see {@link Breakdown}) and printed after the ratios.
 */
public final class PlatformBenchmark {

    private PlatformBenchmark() {
    }

    record Options(int instances, int warmUp, int rounds, boolean attribution, boolean breakdown) {
        static Options of(String[] args) {
            int instances = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
            int warmUp = args.length > 1 ? Integer.parseInt(args[1]) : 200;
            int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 5;
            if (rounds < 1 || instances < rounds || warmUp < 0) {
                throw new IllegalArgumentException("usage: [instances >= rounds] [warm-up >= 0] [rounds >= 1]");
            }
            return new Options(instances, warmUp, rounds, Boolean.getBoolean("bench.attribution"),
                    Boolean.getBoolean("bench.breakdown"));
        }
    }

    /** A way of running the process, made on demand with its own new database (URL) and maybe a breakdown. */
    record Side(String name, BiFunction<String, Breakdown, Workload> start) { }

    /** The rounds of one database and, with {@code -Dbench.breakdown=true}, the platform's time by part. */
    record Result(List<Round> rounds, Map<Breakdown.Part, Double> breakdown) { }

    /** Instances per second of each side in one round, in the order of the sides. */
    record Round(double[] rates) {
        double ratio(int side) {
            return rates[side] / rates[1];
        }
    }

    public static void main(String[] args) throws Exception {
        if ("monitor".equals(System.getProperty("bench.suite"))) {
            MonitorQueryBenchmark.main(args); // the monitoring figures: same profile, other suite
            return;
        }
        Options options = Options.of(args);
        Path dir = Path.of(System.getProperty("bench.dir", "target/bench")).toAbsolutePath();
        deleteRecursively(dir);
        String dataDir = dir.resolve("data").toString();
        System.out.printf(Locale.ROOT, "ClearFlow platform benchmark: %d instances per side and database after %d warm-up, "
                        + "%d rounds; %d cores, Java %s%n", options.instances(), options.warmUp(), options.rounds(),
                Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"));
        long start = System.nanoTime();

        // the first side is the platform, the second the bare engine; ratios are to the second
        List<Side> sides = new ArrayList<>(List.of(
                new Side("platform", (url, parts) -> new PlatformWorkload(url, user(url), "", dataDir, true, parts)),
                new Side("raw", (url, parts) -> new RawFlowableWorkload(url, user(url), ""))));
        if (options.attribution()) {
            sides.add(new Side("no event log", (url, parts) -> new PlatformWorkload(url, user(url), "", dataDir, false)));
        }
        Result h2 = measure("H2 (file)", options, sides, side -> h2(dir.resolve("h2-" + side.replace(' ', '-'))));
        Result postgres = measure("PostgreSQL 17 (embedded)", options, sides,
                side -> postgres("bench_" + side.replace(' ', '_')));

        System.out.println();
        System.out.println(header(sides));
        System.out.println(line("H2 (file)", h2.rounds()));
        System.out.println(line("PostgreSQL 17 (embedded)", postgres.rounds()));
        System.out.printf(Locale.ROOT, "(instances/s: medians of %d rounds; target platform/raw >= 0.85; took %.0f s)%n",
                options.rounds(), (System.nanoTime() - start) / 1e9);
        if (options.breakdown()) {
            System.out.println();
            System.out.print(breakdownTable(h2, postgres));
        }
        System.exit(0); // the platform's schedulers and pools would keep the JVM alive
    }

    private static Result measure(String database, Options options, List<Side> sides, Function<String, String> url) {
        System.out.printf("%n%s%n", database);
        List<Workload> workloads = new ArrayList<>();
        // only the first side, the platform, is split by part; the stopwatches cost it well under 1%
        Breakdown breakdown = options.breakdown() ? new Breakdown() : null;
        try {
            for (int s = 0; s < sides.size(); s++) {
                workloads.add(sides.get(s).start().apply(url.apply(sides.get(s).name()), s == 0 ? breakdown : null));
            }
            Interleaved run = new Interleaved(workloads);
            run.next(options.warmUp());
            if (breakdown != null) {
                breakdown.reset();
            }
            List<Round> rounds = new ArrayList<>();
            for (int i = 1; i <= options.rounds(); i++) {
                System.gc(); // start every round without the previous one's garbage
                Round round = run.next(options.instances() / options.rounds());
                rounds.add(round);
                StringBuilder text = new StringBuilder("  round " + i + ":");
                for (int s = 0; s < sides.size(); s++) {
                    text.append(String.format(Locale.ROOT, " %s %.1f/s", sides.get(s).name(), round.rates()[s]));
                }
                System.out.println(text.append(String.format(Locale.ROOT, ", platform/raw %.2f", round.ratio(0))));
            }
            if (breakdown != null) {
                System.out.print("  platform operations, inclusive, per instance:\n" + breakdown.operations());
            }
            return new Result(rounds, breakdown == null ? null : breakdown.perInstance());
        } finally {
            workloads.forEach(Workload::close);
        }
    }

    /**
     * Runs the sides instance by instance, each in turn going first, and times each side's instances
     * only: load from outside (other builds on the same two cores) comes and goes within seconds,
     * and so falls on every side alike.
     */
    private static final class Interleaved {
        private final List<Workload> sides;
        private int number;

        Interleaved(List<Workload> sides) {
            this.sides = sides;
        }

        Round next(int count) {
            long[] nanos = new long[sides.size()];
            for (int i = 0; i < count; i++) {
                for (int k = 0; k < sides.size(); k++) {
                    int side = (i + k) % sides.size();
                    long start = System.nanoTime();
                    sides.get(side).runInstance(number++);
                    nanos[side] += System.nanoTime() - start;
                }
            }
            double[] rates = new double[nanos.length];
            for (int s = 0; s < nanos.length; s++) {
                rates[s] = count / (nanos[s] / 1e9);
            }
            return new Round(rates);
        }
    }

    /**
     * Milliseconds per instance of each part of the platform (means over the measured rounds), next to
     * the bare engine's time for the same steps (from the median round's rate).
     */
    private static String breakdownTable(Result h2, Result postgres) {
        StringBuilder text = new StringBuilder(String.format(Locale.ROOT, "%-36s %14s %14s%n",
                "platform, ms per instance", "H2 (file)", "PostgreSQL"));
        for (Breakdown.Part part : Breakdown.Part.values()) {
            text.append(String.format(Locale.ROOT, "  %-34s %14.2f %14.2f%n", part.label,
                    h2.breakdown().get(part), postgres.breakdown().get(part)));
        }
        text.append(String.format(Locale.ROOT, "  %-34s %14.2f %14.2f%n", "total",
                total(h2.breakdown()), total(postgres.breakdown())));
        text.append(String.format(Locale.ROOT, "%-36s %14.2f %14.2f%n", "raw Flowable, ms per instance",
                1000 / median(h2.rounds().stream().map(r -> r.rates()[1]).toList()),
                1000 / median(postgres.rounds().stream().map(r -> r.rates()[1]).toList())));
        return text.toString();
    }

    private static double total(Map<Breakdown.Part, Double> parts) {
        return parts.values().stream().mapToDouble(Double::doubleValue).sum();
    }

    private static String header(List<Side> sides) {
        StringBuilder text = new StringBuilder(String.format(Locale.ROOT, "%-26s", "database"));
        sides.forEach(s -> text.append(String.format(Locale.ROOT, " %13s", s.name() + "/s")));
        text.append(String.format(Locale.ROOT, " %13s", "platform/raw"));
        if (sides.size() > 2) {
            text.append(String.format(Locale.ROOT, " %18s", "no event log/raw"));
        }
        return text.toString();
    }

    private static String line(String database, List<Round> rounds) {
        int sides = rounds.get(0).rates().length;
        StringBuilder text = new StringBuilder(String.format(Locale.ROOT, "%-26s", database));
        for (int s = 0; s < sides; s++) {
            int side = s;
            text.append(String.format(Locale.ROOT, " %13.1f", median(rounds.stream().map(r -> r.rates()[side]).toList())));
        }
        text.append(String.format(Locale.ROOT, " %13.2f", median(rounds.stream().map(r -> r.ratio(0)).toList())));
        if (sides > 2) {
            text.append(String.format(Locale.ROOT, " %18.2f", median(rounds.stream().map(r -> r.ratio(2)).toList())));
        }
        return text.toString();
    }

    static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        int middle = sorted.size() / 2;
        return sorted.size() % 2 == 1 ? sorted.get(middle) : (sorted.get(middle - 1) + sorted.get(middle)) / 2;
    }

    private static String h2(Path directory) {
        // the URL form of the platform's own default (application.yml), each side in its own directory
        return "jdbc:h2:file:" + directory.resolve("clearflow") + ";DB_CLOSE_ON_EXIT=FALSE";
    }

    private static String postgres(String name) {
        // PostgreSQL's default, not the embedded test server's: a commit waits for the disk
        Database database = EmbeddedPostgresSupport.durableCommits(EmbeddedPostgresSupport.newDatabase(name));
        return database.url();
    }

    private static String user(String url) {
        return url.startsWith("jdbc:postgresql:") ? EmbeddedPostgresSupport.USER : "sa";
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
