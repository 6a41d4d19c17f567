package io.clearflow.delivery.project;

import static io.clearflow.delivery.jdbc.StateRows.instant;

import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** Every statement on {@code del_project_decision}: architecture decision records, never edited, only added. */
@Repository
class DecisionRepository {

    private final ProjectRecordTable<ProjectRecords.Decision> table;

    DecisionRepository(JdbcTemplate jdbc) {
        this.table = new ProjectRecordTable<>(jdbc,
                "INSERT INTO del_project_decision (project_id, decision, reason, alternatives, decided_by, decided_at) "
                        + "VALUES (?, ?, ?, ?, ?, ?)",
                "SELECT id, decision, reason, alternatives, decided_by, decided_at FROM del_project_decision "
                        + "WHERE project_id = ? ORDER BY id",
                (rs, n) -> new ProjectRecords.Decision(rs.getLong("id"), rs.getString("decision"), rs.getString("reason"),
                        rs.getString("alternatives"), rs.getString("decided_by"), instant(rs, "decided_at")));
    }

    void insert(long projectId, String decision, String reason, String alternatives, String by, Instant now) {
        table.add(projectId, by, now, decision, reason, alternatives);
    }

    List<ProjectRecords.Decision> of(long projectId) {
        return table.of(projectId);
    }
}
