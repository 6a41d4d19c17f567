package io.clearflow.delivery.project;

import static io.clearflow.delivery.jdbc.StateRows.instant;
import static io.clearflow.delivery.jdbc.StateRows.utc;

import java.math.BigDecimal;
import java.sql.Date;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/**
 * Every statement on {@code del_project_cost}: money against a project (kinds contract, payment, staff, operation,
 * other). Budget vs actual is {@code del_project.budget} against the sum of these rows.
 */
@Repository
public class CostRepository {

    public static final String PAYMENT = "payment";
    public static final String STAFF = "staff";
    public static final String OPERATION = "operation";

    private final JdbcTemplate jdbc;

    CostRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public long insert(long projectId, String kind, BigDecimal amount, LocalDate occurredOn, String description,
                       String by, Instant now) {
        var keys = new GeneratedKeyHolder();
        jdbc.update(c -> {
            var s = c.prepareStatement("INSERT INTO del_project_cost (project_id, kind, amount, occurred_on, description, "
                    + "recorded_by, recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?)", new String[] {"id"});
            s.setLong(1, projectId);
            s.setString(2, kind);
            s.setBigDecimal(3, amount);
            s.setObject(4, occurredOn);
            s.setString(5, description);
            s.setString(6, by);
            s.setObject(7, utc(now));
            return s;
        }, keys);
        return keys.getKey().longValue();
    }

    /** Removes cost rows by id (an allocation being replaced); the caller removes its references first. */
    public void delete(List<Long> ids) {
        ids.forEach(id -> jdbc.update("DELETE FROM del_project_cost WHERE id = ?", id));
    }

    List<ProjectRecords.Cost> of(long projectId) {
        return jdbc.query("SELECT id, kind, amount, occurred_on, description, recorded_by, recorded_at FROM del_project_cost "
                + "WHERE project_id = ? ORDER BY occurred_on, id", (rs, n) -> new ProjectRecords.Cost(rs.getLong("id"),
                rs.getString("kind"), rs.getBigDecimal("amount"), rs.getObject("occurred_on", LocalDate.class),
                rs.getString("description"), rs.getString("recorded_by"), instant(rs, "recorded_at")), projectId);
    }

    /** Cost booked in a year against a department's projects, per kind. */
    public Map<String, BigDecimal> byKindIn(String department, int year) {
        Map<String, BigDecimal> byKind = new TreeMap<>();
        jdbc.query("SELECT c.kind, SUM(c.amount) AS amount FROM del_project_cost c JOIN del_project p ON p.id = c.project_id"
                + " WHERE p.department = ? AND c.occurred_on >= ? AND c.occurred_on <= ? GROUP BY c.kind", rs -> {
                    byKind.put(rs.getString("kind"), rs.getBigDecimal("amount"));
                }, department, Date.valueOf(LocalDate.of(year, 1, 1)), Date.valueOf(LocalDate.of(year, 12, 31)));
        return byKind;
    }
}
