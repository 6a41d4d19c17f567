package io.clearflow.testmetrics.store;

import io.clearflow.testmetrics.api.TestStatus;
import io.clearflow.testmetrics.ingest.EvidenceSink.ParsedTestCase;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Repository;

/** SQL of {@code tm_test_result}: one row per test case of a report. */
@Repository
public class TestResultRepository {

    public record TestResultRow(long id, long reportId, long runId, String suite, String className, String name,
                                TestStatus status, long durationMs, boolean flaky, int reruns, String message,
                                String detail) {
        public String key() {
            return (className == null ? "" : className + ".") + name;
        }
    }

    /** Status counts of some reports. */
    public record Counts(Map<TestStatus, Long> byStatus, long durationMs, long flaky) {
        public long total() {
            return byStatus.values().stream().mapToLong(Long::longValue).sum();
        }

        public long of(TestStatus status) {
            return byStatus.getOrDefault(status, 0L);
        }

        public long executed() {
            return total() - of(TestStatus.SKIPPED);
        }
    }

    /** One status of one test in one run (flaky-test history). */
    public record StatusPoint(long runId, String className, String name, TestStatus status, boolean flaky) {
        public String key() {
            return (className == null ? "" : className + ".") + name;
        }
    }

    static final String COLUMNS = "id, report_id, run_id, suite, class_name, name, status, duration_ms, flaky, reruns, message, detail";
    static final RowMapper<TestResultRow> ROW = (rs, i) -> new TestResultRow(rs.getLong("id"), rs.getLong("report_id"),
            rs.getLong("run_id"), rs.getString("suite"), rs.getString("class_name"), rs.getString("name"),
            TestStatus.valueOf(rs.getString("status")), rs.getLong("duration_ms"), rs.getBoolean("flaky"),
            rs.getInt("reruns"), rs.getString("message"), rs.getString("detail"));

    private final JdbcTemplate jdbc;

    public TestResultRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public void insert(long reportId, long runId, long versionId, List<ParsedTestCase> cases) {
        jdbc.batchUpdate("INSERT INTO tm_test_result (report_id, run_id, version_id, suite, class_name, name, status, "
                + "duration_ms, flaky, reruns, message, detail) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", cases, 500,
                (ps, c) -> {
                    ps.setLong(1, reportId);
                    ps.setLong(2, runId);
                    ps.setLong(3, versionId);
                    ps.setString(4, Sql.fit(c.suite(), 500));
                    ps.setString(5, Sql.fit(c.className(), 500));
                    ps.setString(6, Sql.fit(c.name(), 1000));
                    ps.setString(7, c.status().name());
                    ps.setLong(8, c.durationMs());
                    ps.setBoolean(9, c.flaky());
                    ps.setInt(10, c.reruns());
                    ps.setString(11, Sql.fit(c.message(), 4000));
                    ps.setString(12, Sql.fit(c.detail(), 4000));
                });
    }

    public Counts countsOfRun(long runId) {
        Map<TestStatus, Long> byStatus = new EnumMap<>(TestStatus.class);
        long[] extra = new long[2];
        jdbc.query("SELECT status, COUNT(*) AS n, COALESCE(SUM(duration_ms), 0) AS d, "
                + "SUM(CASE WHEN flaky THEN 1 ELSE 0 END) AS f FROM tm_test_result WHERE run_id = ? GROUP BY status", rs -> {
                    byStatus.put(TestStatus.valueOf(rs.getString("status")), rs.getLong("n"));
                    extra[0] += rs.getLong("d");
                    extra[1] += rs.getLong("f");
                }, runId);
        return new Counts(byStatus, extra[0], extra[1]);
    }

    /** Failed and erroneous cases of a run, with their messages. */
    public List<TestResultRow> problemsOfRun(long runId, int limit) {
        return jdbc.query("SELECT " + COLUMNS + " FROM tm_test_result WHERE run_id = ? AND status IN ('FAILED', 'ERROR') "
                + "ORDER BY class_name, name FETCH FIRST " + limit + " ROWS ONLY", ROW, runId);
    }

    public List<TestResultRow> slowestOfRun(long runId, int limit) {
        return jdbc.query("SELECT " + COLUMNS + " FROM tm_test_result WHERE run_id = ? ORDER BY duration_ms DESC, id "
                + "FETCH FIRST " + limit + " ROWS ONLY", ROW, runId);
    }

    /** Statuses of every test in the given runs (the flaky-test window). */
    public List<StatusPoint> statuses(List<Long> runIds) {
        if (runIds.isEmpty()) {
            return List.of();
        }
        return jdbc.query("SELECT run_id, class_name, name, status, flaky FROM tm_test_result WHERE run_id IN ("
                + Sql.marks(runIds.size()) + ") ORDER BY run_id, id", (rs, i) -> new StatusPoint(rs.getLong("run_id"),
                rs.getString("class_name"), rs.getString("name"), TestStatus.valueOf(rs.getString("status")),
                rs.getBoolean("flaky")), runIds.toArray());
    }

    public long count() {
        return jdbc.queryForObject("SELECT COUNT(*) FROM tm_test_result", Long.class);
    }

    /** {@link #countsOfRun} for many runs in one statement; runs without results are absent. */
    public Map<Long, Counts> countsOfRuns(List<Long> runIds) {
        Map<Long, Map<TestStatus, Long>> byStatus = new java.util.HashMap<>();
        Map<Long, long[]> extra = new java.util.HashMap<>();
        if (runIds.isEmpty()) {
            return Map.of();
        }
        jdbc.query("SELECT run_id, status, COUNT(*) AS n, COALESCE(SUM(duration_ms), 0) AS d, "
                + "SUM(CASE WHEN flaky THEN 1 ELSE 0 END) AS f FROM tm_test_result WHERE run_id IN (" + Sql.marks(runIds.size())
                + ") GROUP BY run_id, status", rs -> {
                    long run = rs.getLong("run_id");
                    byStatus.computeIfAbsent(run, k -> new EnumMap<>(TestStatus.class))
                            .put(TestStatus.valueOf(rs.getString("status")), rs.getLong("n"));
                    long[] e = extra.computeIfAbsent(run, k -> new long[2]);
                    e[0] += rs.getLong("d");
                    e[1] += rs.getLong("f");
                }, runIds.toArray());
        Map<Long, Counts> out = new java.util.HashMap<>();
        byStatus.forEach((run, statuses) -> out.put(run, new Counts(statuses, extra.get(run)[0], extra.get(run)[1])));
        return out;
    }
}
