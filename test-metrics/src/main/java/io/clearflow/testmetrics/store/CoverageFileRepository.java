package io.clearflow.testmetrics.store;

import io.clearflow.testmetrics.ingest.LineSet;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** SQL of {@code tm_coverage_file}: covered and missed lines per source file, for changed-code coverage. */
@Repository
public class CoverageFileRepository {

    public record FileLines(String path, LineSet covered, LineSet missed) {
    }

    /** A row waiting for the batch. */
    public record NewFile(String path, String covered, String missed) {
    }

    private final JdbcTemplate jdbc;

    public CoverageFileRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public void insert(long reportId, List<NewFile> files) {
        jdbc.batchUpdate("INSERT INTO tm_coverage_file (report_id, path, covered, missed) VALUES (?, ?, ?, ?)", files, 500,
                (ps, f) -> {
                    ps.setLong(1, reportId);
                    ps.setString(2, Sql.fit(f.path(), 1000));
                    ps.setString(3, f.covered());
                    ps.setString(4, f.missed());
                });
    }

    /** Whether any report of the project kept line-level coverage. */
    public boolean existsForProject(String project) {
        return !jdbc.queryForList("SELECT f.id FROM tm_coverage_file f JOIN tm_report r ON r.id = f.report_id "
                + "JOIN tm_version v ON v.id = r.version_id WHERE v.project = ? FETCH FIRST 1 ROWS ONLY", Long.class, project)
                .isEmpty();
    }

    public List<FileLines> files(List<Long> reportIds) {
        if (reportIds.isEmpty()) {
            return List.of();
        }
        return jdbc.query("SELECT path, covered, missed FROM tm_coverage_file WHERE report_id IN ("
                + Sql.marks(reportIds.size()) + ")", (rs, i) -> new FileLines(rs.getString("path"),
                LineSet.parse(rs.getString("covered")), LineSet.parse(rs.getString("missed"))), reportIds.toArray());
    }
}
