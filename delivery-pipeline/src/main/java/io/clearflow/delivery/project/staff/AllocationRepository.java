package io.clearflow.delivery.project.staff;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * Every statement on {@code del_staff_allocation}: which {@code del_project_cost} rows the allocation of a person's
 * month wrote, so that re-running it replaces exactly those rows.
 */
@Repository
class AllocationRepository {

    record Allocated(LocalDate period, long projectId, BigDecimal amount) { }

    private final JdbcTemplate jdbc;

    AllocationRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    List<Long> costIds(long staffId, LocalDate period) {
        return jdbc.queryForList("SELECT cost_id FROM del_staff_allocation WHERE staff_id = ? AND period = ? ORDER BY cost_id",
                Long.class, staffId, period);
    }

    void forget(long staffId, LocalDate period) {
        jdbc.update("DELETE FROM del_staff_allocation WHERE staff_id = ? AND period = ?", staffId, period);
    }

    void insert(long staffId, LocalDate period, long costId) {
        jdbc.update("INSERT INTO del_staff_allocation (staff_id, period, cost_id) VALUES (?, ?, ?)", staffId, period, costId);
    }

    /** The person's allocated costs, newest month first (joined with the cost rows they wrote). */
    List<Allocated> of(long staffId) {
        return jdbc.query("SELECT a.period, c.project_id, c.amount FROM del_staff_allocation a JOIN del_project_cost c "
                + "ON c.id = a.cost_id WHERE a.staff_id = ? ORDER BY a.period DESC, c.project_id", (rs, n) -> new Allocated(
                rs.getObject("period", LocalDate.class), rs.getLong("project_id"), rs.getBigDecimal("amount")), staffId);
    }
}
