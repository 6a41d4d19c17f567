package io.clearflow.delivery.project;

import static io.clearflow.delivery.project.ProjectRepository.instant;
import static io.clearflow.delivery.project.ProjectRepository.utc;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** Every statement on {@code del_project_value}: value realised after go-live, per period. */
@Repository
class ValueRepository {

    private final JdbcTemplate jdbc;

    ValueRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    void insert(long projectId, LocalDate period, BigDecimal realised, String note, String by, Instant now) {
        jdbc.update("INSERT INTO del_project_value (project_id, period, realised, note, recorded_by, recorded_at) "
                + "VALUES (?, ?, ?, ?, ?, ?)", projectId, period, realised, note, by, utc(now));
    }

    List<ProjectRecords.RealisedValue> of(long projectId) {
        return jdbc.query("SELECT id, period, realised, note, recorded_by, recorded_at FROM del_project_value "
                + "WHERE project_id = ? ORDER BY period, id", (rs, n) -> new ProjectRecords.RealisedValue(rs.getLong("id"),
                rs.getObject("period", LocalDate.class), rs.getBigDecimal("realised"), rs.getString("note"),
                rs.getString("recorded_by"), instant(rs, "recorded_at")), projectId);
    }
}
