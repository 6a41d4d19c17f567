package io.clearflow.delivery.project;

import static io.clearflow.delivery.project.ProjectRepository.instant;
import static io.clearflow.delivery.project.ProjectRepository.utc;

import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** Every statement on {@code del_project_stage}: the stages a project has been in, with who moved it there. */
@Repository
class StageHistoryRepository {

    record StageVisit(ProjectStage stage, Instant enteredAt, Instant leftAt, String actor) { }

    private final JdbcTemplate jdbc;

    StageHistoryRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Closes the open visit and opens one of {@code stage}: the cockpit reads lead times from these rows. */
    void enter(long projectId, ProjectStage stage, String actor, Instant now) {
        jdbc.update("UPDATE del_project_stage SET left_at = ? WHERE project_id = ? AND left_at IS NULL", utc(now), projectId);
        jdbc.update("INSERT INTO del_project_stage (project_id, stage, entered_at, actor) VALUES (?, ?, ?, ?)",
                projectId, stage.code(), utc(now), actor);
    }

    List<StageVisit> of(long projectId) {
        return jdbc.query("SELECT stage, entered_at, left_at, actor FROM del_project_stage WHERE project_id = ? "
                + "ORDER BY entered_at, id", (rs, n) -> new StageVisit(ProjectStage.ofCode(rs.getString("stage"))
                .orElseThrow(), instant(rs, "entered_at"), instant(rs, "left_at"), rs.getString("actor")), projectId);
    }
}
