package io.clearflow.demand.support;

import io.clearflow.demand.api.DemandState;
import io.clearflow.demand.stats.DemandRollupRepository;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Bulk demand data for statistics tests and the benchmark: deterministic (seeded random), written
 * with batched inserts straight into cf_demand and cf_demand_task, with the same derived columns
 * the service writes (lead time, on time, months). Returns what it wrote so tests can compute the
 * expected figures on their own.
 */
public final class DemandSeeder {

    /** One seeded demand as written. */
    public record Seeded(String department, DemandState state, Instant submittedAt, Instant deliveredAt,
                         Instant closedAt, LocalDate expectedDate, BigDecimal estimate, BigDecimal actual,
                         int acceptanceRejections, String targetVersion) {

        public Long leadSeconds() {
            return state == DemandState.DONE ? Duration.between(submittedAt, closedAt).toSeconds() : null;
        }

        public Boolean onTime() {
            return state == DemandState.DONE && expectedDate != null
                    ? !deliveredAt.atOffset(ZoneOffset.UTC).toLocalDate().isAfter(expectedDate) : null;
        }
    }

    private DemandSeeder() {
    }

    public static List<Seeded> generate(long seed, int count, List<String> departments, Instant start) {
        Random random = new Random(seed);
        DemandState[] states = DemandState.values();
        List<Seeded> rows = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            String department = departments.get(random.nextInt(departments.size()));
            // most demands are done, the rest spread over the open states
            DemandState state = random.nextInt(10) < 6 ? DemandState.DONE : states[random.nextInt(states.length)];
            Instant submitted = start.plus(Duration.ofMinutes(random.nextInt(365 * 24 * 60)));
            boolean evaluated = state.ordinal() >= DemandState.SPLITTING.ordinal() && state != DemandState.REJECTED;
            BigDecimal estimate = evaluated ? BigDecimal.valueOf(1 + random.nextInt(400), 1) : null;
            Instant delivered = null;
            Instant closed = null;
            BigDecimal actual = null;
            int rejections = 0;
            if (state == DemandState.DONE || state == DemandState.ACCEPTANCE) {
                delivered = submitted.plus(Duration.ofHours(24 + random.nextInt(24 * 90)));
                actual = BigDecimal.valueOf(1 + random.nextInt(500), 1);
            }
            if (state == DemandState.DONE) {
                closed = delivered.plus(Duration.ofMinutes(random.nextInt(7 * 24 * 60)));
                rejections = random.nextInt(4) == 0 ? 1 + random.nextInt(2) : 0;
            }
            if (state == DemandState.REJECTED) {
                closed = submitted.plus(Duration.ofHours(1 + random.nextInt(48)));
            }
            LocalDate expected = random.nextInt(5) == 0 ? null
                    : submitted.atOffset(ZoneOffset.UTC).toLocalDate().plusDays(10 + random.nextInt(80));
            String version = evaluated ? "v" + (1 + random.nextInt(3)) + "." + random.nextInt(10) : null;
            rows.add(new Seeded(department, state, submitted, delivered, closed, expected, estimate, actual, rejections,
                    version));
        }
        return rows;
    }

    /** Writes the rows (and two tasks for every split demand) in batches; requesters rotate over the given users. */
    public static void insert(JdbcTemplate jdbc, List<Seeded> rows, List<String> requesters) {
        List<Object[]> batch = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            Seeded s = rows.get(i);
            batch.add(new Object[] {"批量需求 " + i, "批量生成的需求", s.department(), requesters.get(i % requesters.size()),
                    "FEATURE", "NORMAL", false, s.expectedDate(), s.state().name(), s.estimate(), s.actual(),
                    s.targetVersion(), utc(s.submittedAt()), month(s.submittedAt()), utc(s.deliveredAt()),
                    utc(s.closedAt()), s.closedAt() == null ? null : month(s.closedAt()), s.leadSeconds(), s.onTime(),
                    s.acceptanceRejections()});
            if (batch.size() == 1000 || i == rows.size() - 1) {
                jdbc.batchUpdate("INSERT INTO cf_demand (title, description, department, requester, category, urgency, "
                        + "regulatory, expected_date, state, estimate_days, actual_days, target_version, submitted_at, "
                        + "submitted_month, delivered_at, closed_at, closed_month, lead_seconds, on_time, "
                        + "acceptance_rejections) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)", batch);
                batch.clear();
            }
        }
        jdbc.update("INSERT INTO cf_demand_task (demand_id, title, estimate_days, status, sync_state, updated_at) "
                + "SELECT id, '开发任务', estimate_days, CASE WHEN state IN ('DONE','ACCEPTANCE') THEN 'DONE' ELSE 'TODO' END, "
                + "'LOCAL', submitted_at FROM cf_demand WHERE target_version IS NOT NULL AND title LIKE '批量需求 %'");
        // the rows bypassed the lifecycle, so the statistics pre-aggregation is recomputed from them
        DemandRollupRepository.rebuild(jdbc);
    }

    private static Object utc(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }

    private static String month(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC).toLocalDate().toString().substring(0, 7);
    }
}
