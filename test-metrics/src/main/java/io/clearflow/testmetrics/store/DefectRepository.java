package io.clearflow.testmetrics.store;

import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Repository;

/** SQL of {@code tm_defect}: defects per project with the version and phase they were found in. */
@Repository
public class DefectRepository {

    public record DefectRow(long id, String project, String key, Long versionId, String title, String severity,
                            String phase, String status, String testCase, Instant createdAt, Instant resolvedAt) {
        public boolean open() {
            return "OPEN".equals(status);
        }
    }

    static final String COLUMNS = "id, project, defect_key, version_id, title, severity, phase, status, test_case, created_at, resolved_at";
    static final RowMapper<DefectRow> ROW = (rs, i) -> new DefectRow(rs.getLong("id"), rs.getString("project"),
            rs.getString("defect_key"), (Long) rs.getObject("version_id", Long.class), rs.getString("title"),
            rs.getString("severity"), rs.getString("phase"), rs.getString("status"), rs.getString("test_case"),
            Sql.instant(rs, "created_at"), Sql.instant(rs, "resolved_at"));

    private final JdbcTemplate jdbc;

    public DefectRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Inserts or updates by (project, key). */
    public void upsert(String project, String key, Long versionId, String title, String severity, String phase,
                       boolean open, String testCase, Instant createdAt, Instant resolvedAt) {
        int updated = jdbc.update("UPDATE tm_defect SET version_id = ?, title = ?, severity = ?, phase = ?, status = ?, "
                + "test_case = ?, created_at = ?, resolved_at = ? WHERE project = ? AND defect_key = ?", versionId,
                Sql.fit(title, 500), severity, phase, open ? "OPEN" : "RESOLVED", Sql.fit(testCase, 1000),
                Sql.utc(createdAt), Sql.utc(resolvedAt), project, key);
        if (updated == 0) {
            jdbc.update("INSERT INTO tm_defect (project, defect_key, version_id, title, severity, phase, status, test_case, "
                    + "created_at, resolved_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", project, key, versionId,
                    Sql.fit(title, 500), severity, phase, open ? "OPEN" : "RESOLVED", Sql.fit(testCase, 1000),
                    Sql.utc(createdAt), Sql.utc(resolvedAt));
        }
    }

    public List<DefectRow> ofVersion(long versionId) {
        return jdbc.query("SELECT " + COLUMNS + " FROM tm_defect WHERE version_id = ? ORDER BY created_at, id", ROW, versionId);
    }

    public List<DefectRow> ofProject(String project) {
        return jdbc.query("SELECT " + COLUMNS + " FROM tm_defect WHERE project = ? ORDER BY created_at, id", ROW, project);
    }

    /**
     * Defect keys per failing test case, for the given test cases of a project (the relation case → defects recorded
     * with the defects). Asked in slices so the IN list stays small whatever the plan's size.
     */
    public java.util.Map<String, java.util.Set<String>> keysByTestCase(String project, java.util.Collection<String> testCases) {
        java.util.Map<String, java.util.Set<String>> out = new java.util.HashMap<>();
        List<String> all = List.copyOf(new java.util.LinkedHashSet<>(testCases));
        for (int from = 0; from < all.size(); from += 500) {
            List<String> slice = all.subList(from, Math.min(all.size(), from + 500));
            Object[] args = new Object[slice.size() + 1];
            args[0] = project;
            for (int i = 0; i < slice.size(); i++) {
                args[i + 1] = slice.get(i);
            }
            jdbc.query("SELECT defect_key, test_case FROM tm_defect WHERE project = ? AND test_case IN ("
                    + Sql.marks(slice.size()) + ")", rs -> {
                        out.computeIfAbsent(rs.getString(2), k -> new java.util.TreeSet<>()).add(rs.getString(1));
                    }, args);
        }
        return out;
    }

    /** Number of defects found in each of the given versions (trend pages); versions without defects are absent. */
    public java.util.Map<Long, Integer> countByVersion(List<Long> versionIds) {
        java.util.Map<Long, Integer> out = new java.util.HashMap<>();
        if (!versionIds.isEmpty()) {
            jdbc.query("SELECT version_id, COUNT(*) FROM tm_defect WHERE version_id IN (" + Sql.marks(versionIds.size())
                    + ") GROUP BY version_id", rs -> {
                        out.put(rs.getLong(1), rs.getInt(2));
                    }, versionIds.toArray());
        }
        return out;
    }

    /** Defect and production-phase defect counts per (project, version label), versions with defects only. */
    public List<io.clearflow.testmetrics.api.DefectFigures.VersionDefects> countsPerVersion() {
        return jdbc.query("SELECT v.project, v.version, COUNT(*) AS defects,"
                + " SUM(CASE WHEN d.phase = 'production' THEN 1 ELSE 0 END) AS escaped"
                + " FROM tm_defect d JOIN tm_version v ON v.id = d.version_id GROUP BY v.project, v.version",
                (rs, i) -> new io.clearflow.testmetrics.api.DefectFigures.VersionDefects(rs.getString("project"),
                        rs.getString("version"), rs.getLong("defects"), rs.getLong("escaped")));
    }
}
