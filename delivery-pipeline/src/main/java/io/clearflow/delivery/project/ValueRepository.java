package io.clearflow.delivery.project;

import static io.clearflow.delivery.jdbc.StateRows.instant;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** Every statement on {@code del_project_value}: value realised after go-live, per period. */
@Repository
class ValueRepository {

    private final ProjectRecordTable<ProjectRecords.RealisedValue> table;

    ValueRepository(JdbcTemplate jdbc) {
        this.table = new ProjectRecordTable<>(jdbc,
                "INSERT INTO del_project_value (project_id, period, realised, note, recorded_by, recorded_at) "
                        + "VALUES (?, ?, ?, ?, ?, ?)",
                "SELECT id, period, realised, note, recorded_by, recorded_at FROM del_project_value "
                        + "WHERE project_id = ? ORDER BY period, id",
                (rs, n) -> new ProjectRecords.RealisedValue(rs.getLong("id"), rs.getObject("period", LocalDate.class),
                        rs.getBigDecimal("realised"), rs.getString("note"), rs.getString("recorded_by"),
                        instant(rs, "recorded_at")));
    }

    void insert(long projectId, LocalDate period, BigDecimal realised, String note, String by, Instant now) {
        table.add(projectId, by, now, period, realised, note);
    }

    List<ProjectRecords.RealisedValue> of(long projectId) {
        return table.of(projectId);
    }
}
