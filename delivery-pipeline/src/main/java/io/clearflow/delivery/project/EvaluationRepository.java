package io.clearflow.delivery.project;

import static io.clearflow.delivery.jdbc.StateRows.instant;
import static io.clearflow.delivery.jdbc.StateRows.utc;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** Every statement on {@code del_project_evaluation}: one pre-project evaluation per project, replaced on rework. */
@Repository
class EvaluationRepository {

    private final JdbcTemplate jdbc;

    EvaluationRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    void save(long projectId, String businessValue, BigDecimal estimatedCost, String by, Instant now) {
        int updated = jdbc.update("UPDATE del_project_evaluation SET business_value = ?, estimated_cost = ?, "
                + "evaluated_by = ?, evaluated_at = ? WHERE project_id = ?", businessValue, estimatedCost, by, utc(now),
                projectId);
        if (updated == 0) {
            jdbc.update("INSERT INTO del_project_evaluation (project_id, business_value, estimated_cost, evaluated_by, "
                    + "evaluated_at) VALUES (?, ?, ?, ?, ?)", projectId, businessValue, estimatedCost, by, utc(now));
        }
    }

    Optional<ProjectRecords.Evaluation> of(long projectId) {
        return jdbc.query("SELECT business_value, estimated_cost, evaluated_by, evaluated_at FROM del_project_evaluation "
                + "WHERE project_id = ?", (rs, n) -> new ProjectRecords.Evaluation(rs.getString("business_value"),
                rs.getBigDecimal("estimated_cost"), rs.getString("evaluated_by"), instant(rs, "evaluated_at")), projectId)
                .stream().findFirst();
    }
}
