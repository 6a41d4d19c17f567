package io.clearflow.delivery.project;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** Every statement on {@code del_project_version}: the versions a project delivers. */
@Repository
public class ProjectVersionRepository {

    private final JdbcTemplate jdbc;

    ProjectVersionRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** False when the version was already linked (linking twice is harmless). */
    boolean link(long projectId, long versionId) {
        if (versionIds(projectId).contains(versionId)) {
            return false;
        }
        jdbc.update("INSERT INTO del_project_version (project_id, version_id) VALUES (?, ?)", projectId, versionId);
        return true;
    }

    List<Long> versionIds(long projectId) {
        return jdbc.queryForList("SELECT version_id FROM del_project_version WHERE project_id = ? ORDER BY version_id",
                Long.class, projectId);
    }

    /** The department of the project delivering each version (the first by department id when several do). */
    public Map<Long, String> departmentsByVersion() {
        Map<Long, String> out = new HashMap<>();
        jdbc.query("SELECT pv.version_id, MIN(p.department) AS department FROM del_project_version pv"
                + " JOIN del_project p ON p.id = pv.project_id GROUP BY pv.version_id",
                rs -> {
                    out.put(rs.getLong("version_id"), rs.getString("department"));
                });
        return out;
    }
}
