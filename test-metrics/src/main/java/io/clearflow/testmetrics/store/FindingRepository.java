package io.clearflow.testmetrics.store;

import io.clearflow.testmetrics.ingest.EvidenceSink.ParsedFinding;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.HashSet;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Repository;

/** SQL of {@code tm_finding}: SARIF results with their effective level and fingerprint. */
@Repository
public class FindingRepository {

    static final String COLUMNS = "tool, rule_id, level, message, uri, start_line, fingerprint, suppressed, suppression";
    static final RowMapper<ParsedFinding> ROW = (rs, i) -> new ParsedFinding(rs.getString("tool"), rs.getString("rule_id"),
            rs.getString("level"), rs.getString("message"), rs.getString("uri"), (Integer) rs.getObject("start_line"),
            rs.getString("fingerprint"), rs.getBoolean("suppressed"), rs.getString("suppression"));

    private final JdbcTemplate jdbc;

    public FindingRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public void insert(long reportId, long versionId, List<ParsedFinding> findings) {
        jdbc.batchUpdate("INSERT INTO tm_finding (report_id, version_id, " + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                findings, 500, (ps, f) -> {
                    ps.setLong(1, reportId);
                    ps.setLong(2, versionId);
                    ps.setString(3, Sql.fit(f.tool(), 200));
                    ps.setString(4, Sql.fit(f.ruleId(), 500));
                    ps.setString(5, f.level());
                    ps.setString(6, Sql.fit(f.message(), 4000));
                    ps.setString(7, Sql.fit(f.uri(), 1000));
                    ps.setObject(8, f.startLine());
                    ps.setString(9, f.fingerprint());
                    ps.setBoolean(10, f.suppressed());
                    ps.setString(11, Sql.fit(f.suppression(), 1000));
                });
    }

    public List<ParsedFinding> of(List<Long> reportIds) {
        if (reportIds.isEmpty()) {
            return List.of();
        }
        return jdbc.query("SELECT " + COLUMNS + " FROM tm_finding WHERE report_id IN (" + Sql.marks(reportIds.size())
                + ") ORDER BY CASE level WHEN 'error' THEN 0 WHEN 'warning' THEN 1 WHEN 'note' THEN 2 ELSE 3 END, id",
                ROW, reportIds.toArray());
    }

    /** Unsuppressed counts by effective level. */
    public Map<String, Long> openByLevel(List<Long> reportIds) {
        Map<String, Long> counts = new LinkedHashMap<>();
        for (String level : List.of("error", "warning", "note", "none")) {
            counts.put(level, 0L);
        }
        if (!reportIds.isEmpty()) {
            jdbc.query("SELECT level, COUNT(*) AS n FROM tm_finding WHERE suppressed = FALSE AND report_id IN ("
                    + Sql.marks(reportIds.size()) + ") GROUP BY level", rs -> {
                        counts.put(rs.getString("level"), rs.getLong("n"));
                    }, reportIds.toArray());
        }
        return counts;
    }

    public Set<String> openFingerprints(List<Long> reportIds) {
        if (reportIds.isEmpty()) {
            return Set.of();
        }
        return new HashSet<>(jdbc.queryForList("SELECT DISTINCT fingerprint FROM tm_finding WHERE suppressed = FALSE "
                + "AND report_id IN (" + Sql.marks(reportIds.size()) + ")", String.class, reportIds.toArray()));
    }

    /** {@link #openFingerprints} per report, for many reports in one statement (trend pages). */
    public java.util.Map<Long, Set<String>> openFingerprintsByReport(List<Long> reportIds) {
        java.util.Map<Long, Set<String>> out = new java.util.HashMap<>();
        if (!reportIds.isEmpty()) {
            jdbc.query("SELECT DISTINCT report_id, fingerprint FROM tm_finding WHERE suppressed = FALSE AND report_id IN ("
                    + Sql.marks(reportIds.size()) + ")", rs -> {
                        out.computeIfAbsent(rs.getLong(1), k -> new HashSet<>()).add(rs.getString(2));
                    }, reportIds.toArray());
        }
        return out;
    }
}
