package io.clearflow.delivery.project;

import static io.clearflow.delivery.jdbc.StateRows.instant;
import static io.clearflow.delivery.jdbc.StateRows.utc;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** Every statement on {@code del_project_stage}: the stages a project has been in, with who moved it there. */
@Repository
public class StageHistoryRepository {

    record StageVisit(ProjectStage stage, Instant enteredAt, Instant leftAt, String actor) { }

    /** A stage a project has left (the cockpit's lead time per stage). */
    public record LeftStage(long projectId, String stage, Instant enteredAt, Instant leftAt) {
    }

    /** Which stages of the initiation–review–update–acceptance chain a finished project's history holds. */
    public record StageFlags(boolean initiation, boolean review, boolean golive, boolean acceptance, boolean hasVersions) {
    }

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

    /** The stages the projects of the scope have left. */
    public List<LeftStage> left(ProjectScope scope) {
        List<Object> args = new ArrayList<>();
        String where = ProjectRepository.scoped(scope, args);
        return jdbc.query("SELECT h.project_id, h.stage, h.entered_at, h.left_at FROM del_project_stage h"
                + " JOIN del_project p ON p.id = h.project_id" + where + " AND h.left_at IS NOT NULL",
                (rs, i) -> new LeftStage(rs.getLong("project_id"), rs.getString("stage"), instant(rs, "entered_at"),
                        instant(rs, "left_at")), args.toArray());
    }

    /**
     * Stage flags of the projects of the scope that reached acceptance or later (those the completeness chain
     * counts), by project id: one grouped read instead of every stage row.
     */
    public Map<Long, StageFlags> finishedFlags(ProjectScope scope) {
        List<Object> args = new ArrayList<>();
        String where = ProjectRepository.scoped(scope, args) + " AND p.stage IN ('acceptance', 'operation', 'closed')";
        Map<Long, StageFlags> out = new HashMap<>();
        jdbc.query("SELECT p.id, MAX(CASE WHEN h.stage = 'initiation' THEN 1 ELSE 0 END) AS i,"
                + " MAX(CASE WHEN h.stage = 'review' THEN 1 ELSE 0 END) AS r, MAX(CASE WHEN h.stage = 'golive' THEN 1 ELSE 0 END) AS g,"
                + " MAX(CASE WHEN h.stage = 'acceptance' THEN 1 ELSE 0 END) AS a,"
                + " MAX(CASE WHEN EXISTS (SELECT 1 FROM del_project_version pv WHERE pv.project_id = p.id) THEN 1 ELSE 0 END) AS v"
                + " FROM del_project p LEFT JOIN del_project_stage h ON h.project_id = p.id" + where + " GROUP BY p.id", rs -> {
                    out.put(rs.getLong("id"), new StageFlags(rs.getInt("i") == 1, rs.getInt("r") == 1, rs.getInt("g") == 1,
                            rs.getInt("a") == 1, rs.getInt("v") == 1));
                }, args.toArray());
        return out;
    }
}
