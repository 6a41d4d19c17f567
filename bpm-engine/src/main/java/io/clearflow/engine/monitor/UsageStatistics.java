package io.clearflow.engine.monitor;

import io.clearflow.engine.api.Member;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Process usage statistics (流程使用统计): per process and per initiator department, the starts,
 * completions and the mean and 90th-percentile duration of the instances completed, for a month and
 * the month before it. Months are calendar months where the users are ({@code clearflow.web.zone}).
 */
@Service
class UsageStatistics {

    /** Figures of one month. Durations are of the instances completed in the month; {@code null} when none. */
    public record Figures(long starts, long completions, long withdrawn, Long meanMs, Long p90Ms) { }

    /** One process or department: this month and last month. */
    public record Row(String key, String name, Figures current, Figures previous) { }

    /** The department key of initiators who belong to none. */
    public static final String NO_DEPARTMENT = "-";

    public record Report(YearMonth month, YearMonth previousMonth, List<Row> byProcess, List<Row> byDepartment) { }

    private final InstanceRepository repository;
    private final MonitorAccess access;
    private final InstanceMonitor instances;
    private final ZoneId zone;

    public UsageStatistics(InstanceRepository repository, MonitorAccess access, InstanceMonitor instances,
                           io.clearflow.engine.web.TimeFormat times) {
        this.repository = repository;
        this.access = access;
        this.instances = instances;
        this.zone = times.zone();
    }

    @Transactional(readOnly = true)
    public Report month(Member member, YearMonth month) {
        String scope = access.departmentScope(member, null);
        YearMonth previous = month.minusMonths(1);
        Instant from = start(previous);
        Instant middle = start(month);
        Instant to = start(month.plusMonths(1));
        var lifetimes = repository.lifetimes(from, to, scope);
        return new Report(month, previous,
                rows(lifetimes, InstanceRepository.Lifetime::processKey, l -> l.processName() == null ? l.processKey() : l.processName(),
                        from, middle, to),
                rows(lifetimes, l -> java.util.Objects.requireNonNullElse(instances.departmentOf(l.initiator()), NO_DEPARTMENT), l -> null, from, middle, to));
    }

    private Instant start(YearMonth month) {
        return month.atDay(1).atStartOfDay(zone).toInstant();
    }

    private static List<Row> rows(List<InstanceRepository.Lifetime> lifetimes,
                                  Function<InstanceRepository.Lifetime, String> key,
                                  Function<InstanceRepository.Lifetime, String> name,
                                  Instant from, Instant middle, Instant to) {
        Map<String, List<InstanceRepository.Lifetime>> groups = new TreeMap<>();
        Map<String, String> names = new TreeMap<>();
        for (var lifetime : lifetimes) {
            String k = key.apply(lifetime);
            groups.computeIfAbsent(k, x -> new ArrayList<>()).add(lifetime);
            String n = name.apply(lifetime);
            if (n != null) {
                names.put(k, n);
            }
        }
        List<Row> rows = new ArrayList<>();
        groups.forEach((k, group) -> rows.add(new Row(k, names.getOrDefault(k, k),
                figures(group, middle, to), figures(group, from, middle))));
        rows.sort(Comparator.comparingLong((Row r) -> r.current().starts() + r.previous().starts()).reversed()
                .thenComparing(Row::key));
        return rows;
    }

    /** Starts by start time, completions (and their durations) and withdrawals by end time, in [from, to). */
    static Figures figures(List<InstanceRepository.Lifetime> group, Instant from, Instant to) {
        long starts = 0;
        long withdrawn = 0;
        List<Long> durations = new ArrayList<>();
        for (var l : group) {
            if (within(l.started(), from, to)) {
                starts++;
            }
            if (l.ended() != null && within(l.ended(), from, to)) {
                if (l.withdrawn()) {
                    withdrawn++;
                } else {
                    durations.add(l.durationMs());
                }
            }
        }
        durations.sort(null);
        Long mean = durations.isEmpty() ? null
                : Math.round(durations.stream().mapToLong(Long::longValue).average().orElseThrow());
        return new Figures(starts, durations.size(), withdrawn, mean, percentile(durations, 90));
    }

    /** Nearest-rank percentile of sorted values: the smallest value with at least p % of values at or below it. */
    static Long percentile(List<Long> sorted, int p) {
        if (sorted.isEmpty()) {
            return null;
        }
        int rank = (int) Math.ceil(p / 100.0 * sorted.size());
        return sorted.get(Math.max(0, rank - 1));
    }

    private static boolean within(Instant instant, Instant from, Instant to) {
        return !instant.isBefore(from) && instant.isBefore(to);
    }
}
