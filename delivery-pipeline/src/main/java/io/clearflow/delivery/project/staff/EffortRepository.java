package io.clearflow.delivery.project.staff;

import static io.clearflow.delivery.project.staff.StaffRepository.utc;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** Every statement on {@code del_staff_effort}: hours per person, project and month. */
@Repository
class EffortRepository {

    record Effort(long id, long projectId, LocalDate period, BigDecimal hours, String recordedBy) { }

    private final JdbcTemplate jdbc;

    EffortRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    void insert(long staffId, long projectId, LocalDate period, BigDecimal hours, String by, Instant now) {
        jdbc.update("INSERT INTO del_staff_effort (staff_id, project_id, period, hours, recorded_by, recorded_at) "
                + "VALUES (?, ?, ?, ?, ?, ?)", staffId, projectId, period, hours, by, utc(now));
    }

    /** Hours per project of the person's month, projects in id order (the allocation's stable order). */
    Map<Long, BigDecimal> hoursByProject(long staffId, LocalDate period) {
        Map<Long, BigDecimal> hours = new LinkedHashMap<>();
        jdbc.query("SELECT project_id, SUM(hours) AS hours FROM del_staff_effort WHERE staff_id = ? AND period = ? "
                + "GROUP BY project_id ORDER BY project_id", rs -> {
                    hours.put(rs.getLong("project_id"), rs.getBigDecimal("hours"));
                }, staffId, period);
        return hours;
    }

    List<Effort> of(long staffId) {
        return jdbc.query("SELECT id, project_id, period, hours, recorded_by FROM del_staff_effort WHERE staff_id = ? "
                + "ORDER BY period DESC, id", (rs, n) -> new Effort(rs.getLong("id"), rs.getLong("project_id"),
                rs.getObject("period", LocalDate.class), rs.getBigDecimal("hours"), rs.getString("recorded_by")), staffId);
    }
}
