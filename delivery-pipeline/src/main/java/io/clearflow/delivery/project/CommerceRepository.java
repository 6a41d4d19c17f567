package io.clearflow.delivery.project;

import static io.clearflow.delivery.jdbc.StateRows.instant;
import static io.clearflow.delivery.jdbc.StateRows.utc;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** Every statement on {@code del_project_commerce}: the commerce steps in the order they were recorded. */
@Repository
class CommerceRepository {

    private final JdbcTemplate jdbc;

    CommerceRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    void insert(long projectId, String step, BigDecimal amount, LocalDate occurredOn, String documents, String note,
                Long costId, String by, Instant now) {
        jdbc.update("INSERT INTO del_project_commerce (project_id, step, amount, occurred_on, documents, note, cost_id, "
                + "recorded_by, recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", projectId, step, amount, occurredOn,
                documents, note, costId, by, utc(now));
    }

    List<ProjectRecords.CommerceStep> of(long projectId) {
        return jdbc.query("SELECT id, step, amount, occurred_on, documents, note, cost_id, recorded_by, recorded_at "
                + "FROM del_project_commerce WHERE project_id = ? ORDER BY id", (rs, n) -> new ProjectRecords.CommerceStep(
                rs.getLong("id"), rs.getString("step"), rs.getBigDecimal("amount"),
                rs.getObject("occurred_on", LocalDate.class), rs.getString("documents"), rs.getString("note"),
                (Long) rs.getObject("cost_id", Long.class), rs.getString("recorded_by"), instant(rs, "recorded_at")),
                projectId);
    }
}
