package io.clearflow.delivery.project;

import static io.clearflow.delivery.jdbc.StateRows.instant;
import static io.clearflow.delivery.jdbc.StateRows.utc;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** Every statement on {@code del_project_survey}: one answer per person (the table's unique key keeps it so). */
@Repository
public class SurveyRepository {

    /** Survey answers of one answering department over the projects of a scope. */
    public record DepartmentTotal(String department, long responses, long scoreSum) {
    }

    private final JdbcTemplate jdbc;

    SurveyRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    boolean answered(long projectId, String userId) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM del_project_survey WHERE project_id = ? AND answered_by = ?",
                Integer.class, projectId, userId) > 0;
    }

    void insert(long projectId, String department, int score, String comment, String by, Instant now) {
        jdbc.update("INSERT INTO del_project_survey (project_id, department, score, comment, answered_by, answered_at) "
                + "VALUES (?, ?, ?, ?, ?, ?)", projectId, department, score, comment, by, utc(now));
    }

    List<ProjectRecords.SurveyAnswer> of(long projectId) {
        return jdbc.query("SELECT id, department, score, comment, answered_by, answered_at FROM del_project_survey "
                + "WHERE project_id = ? ORDER BY id", (rs, n) -> new ProjectRecords.SurveyAnswer(rs.getLong("id"),
                rs.getString("department"), rs.getInt("score"), rs.getString("comment"), rs.getString("answered_by"),
                instant(rs, "answered_at")), projectId);
    }

    /** Survey answers per answering department over the projects of the scope. */
    public List<DepartmentTotal> totals(ProjectScope scope) {
        List<Object> args = new ArrayList<>();
        String where = ProjectRepository.scoped(scope, args);
        return jdbc.query("SELECT s.department, COUNT(*) AS n, SUM(s.score) AS total FROM del_project_survey s"
                + " JOIN del_project p ON p.id = s.project_id" + where + " GROUP BY s.department ORDER BY s.department",
                (rs, i) -> new DepartmentTotal(rs.getString("department"), rs.getLong("n"), rs.getLong("total")),
                args.toArray());
    }
}
