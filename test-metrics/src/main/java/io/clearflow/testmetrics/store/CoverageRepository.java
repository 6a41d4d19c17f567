package io.clearflow.testmetrics.store;

import io.clearflow.testmetrics.ingest.EvidenceSink.Coverage;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Repository;

/** SQL of {@code tm_coverage}: counters of a report, its packages and classes. */
@Repository
public class CoverageRepository {

    static final RowMapper<Coverage> ROW = (rs, i) -> new Coverage(rs.getString("scope"), rs.getString("name"),
            rs.getLong("line_covered"), rs.getLong("line_missed"), rs.getLong("branch_covered"), rs.getLong("branch_missed"),
            rs.getLong("instruction_covered"), rs.getLong("instruction_missed"), rs.getLong("method_covered"),
            rs.getLong("method_missed"), rs.getLong("class_covered"), rs.getLong("class_missed"));
    static final String COLUMNS = "scope, name, line_covered, line_missed, branch_covered, branch_missed, instruction_covered, "
            + "instruction_missed, method_covered, method_missed, class_covered, class_missed";

    private final JdbcTemplate jdbc;

    public CoverageRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public void insert(long reportId, long versionId, List<Coverage> rows) {
        jdbc.batchUpdate("INSERT INTO tm_coverage (report_id, version_id, " + COLUMNS
                + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", rows, 500, (ps, c) -> {
                    ps.setLong(1, reportId);
                    ps.setLong(2, versionId);
                    ps.setString(3, c.scope());
                    ps.setString(4, Sql.fit(c.name() == null ? "" : c.name(), 1000));
                    ps.setLong(5, c.lineCovered());
                    ps.setLong(6, c.lineMissed());
                    ps.setLong(7, c.branchCovered());
                    ps.setLong(8, c.branchMissed());
                    ps.setLong(9, c.instructionCovered());
                    ps.setLong(10, c.instructionMissed());
                    ps.setLong(11, c.methodCovered());
                    ps.setLong(12, c.methodMissed());
                    ps.setLong(13, c.classCovered());
                    ps.setLong(14, c.classMissed());
                });
    }

    /** Report-level counters of the given reports, summed ({@code scope = report}). */
    public Coverage totals(List<Long> reportIds) {
        if (reportIds.isEmpty()) {
            return new Coverage("report", "none", 0, 0, 0, 0, 0, 0, 0, 0, 0, 0);
        }
        return jdbc.queryForObject("SELECT 'report' AS scope, 'total' AS name, SUM(line_covered) AS line_covered, "
                + "SUM(line_missed) AS line_missed, SUM(branch_covered) AS branch_covered, SUM(branch_missed) AS branch_missed, "
                + "SUM(instruction_covered) AS instruction_covered, SUM(instruction_missed) AS instruction_missed, "
                + "SUM(method_covered) AS method_covered, SUM(method_missed) AS method_missed, "
                + "SUM(class_covered) AS class_covered, SUM(class_missed) AS class_missed FROM tm_coverage "
                + "WHERE scope = 'report' AND report_id IN (" + Sql.marks(reportIds.size()) + ")", ROW, reportIds.toArray());
    }

    /** Package rows of the given reports, least covered first. */
    public List<Coverage> packages(List<Long> reportIds, int limit) {
        if (reportIds.isEmpty()) {
            return List.of();
        }
        return jdbc.query("SELECT " + COLUMNS + " FROM tm_coverage WHERE scope = 'package' AND report_id IN ("
                + Sql.marks(reportIds.size()) + ") ORDER BY CASE WHEN line_covered + line_missed = 0 THEN 1 ELSE "
                + "1.0 * line_covered / (line_covered + line_missed) END, name FETCH FIRST " + limit + " ROWS ONLY",
                ROW, reportIds.toArray());
    }

    /** Report-level counters per report ({@code scope = report}), for summing per version (trend pages). */
    public java.util.Map<Long, Coverage> totalsByReport(List<Long> reportIds) {
        java.util.Map<Long, Coverage> out = new java.util.HashMap<>();
        if (reportIds.isEmpty()) {
            return out;
        }
        jdbc.query("SELECT report_id, " + COLUMNS + " FROM tm_coverage WHERE scope = 'report' AND report_id IN ("
                + Sql.marks(reportIds.size()) + ")", rs -> {
                    out.merge(rs.getLong("report_id"), ROW.mapRow(rs, 0), CoverageRepository::sum);
                }, reportIds.toArray());
        return out;
    }

    /** Counters added up (several report-scope rows, or several reports of one run). */
    public static Coverage sum(Coverage a, Coverage b) {
        return new Coverage("report", "total", a.lineCovered() + b.lineCovered(), a.lineMissed() + b.lineMissed(),
                a.branchCovered() + b.branchCovered(), a.branchMissed() + b.branchMissed(),
                a.instructionCovered() + b.instructionCovered(), a.instructionMissed() + b.instructionMissed(),
                a.methodCovered() + b.methodCovered(), a.methodMissed() + b.methodMissed(),
                a.classCovered() + b.classCovered(), a.classMissed() + b.classMissed());
    }
}
