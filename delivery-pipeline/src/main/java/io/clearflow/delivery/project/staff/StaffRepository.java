package io.clearflow.delivery.project.staff;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** Every statement on {@code del_staff}. */
@Repository
class StaffRepository {

    private static final String COLUMNS = "id, name, kind, vendor, department, monthly_cost, state, case_id, created_by, "
            + "created_at, left_on";

    private final JdbcTemplate jdbc;

    StaffRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    long insert(String name, String kind, String vendor, String department, BigDecimal monthlyCost, String caseId,
                String by, Instant now) {
        var keys = new GeneratedKeyHolder();
        jdbc.update(c -> {
            var s = c.prepareStatement("INSERT INTO del_staff (name, kind, vendor, department, monthly_cost, state, case_id, "
                    + "created_by, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", new String[] {"id"});
            s.setString(1, name);
            s.setString(2, kind);
            s.setString(3, vendor);
            s.setString(4, department);
            s.setBigDecimal(5, monthlyCost);
            s.setString(6, Staff.ONBOARDING);
            s.setString(7, caseId);
            s.setString(8, by);
            s.setObject(9, utc(now));
            return s;
        }, keys);
        return keys.getKey().longValue();
    }

    Optional<Staff> find(long id) {
        return jdbc.query("SELECT " + COLUMNS + " FROM del_staff WHERE id = ?", (rs, n) -> row(rs), id).stream().findFirst();
    }

    List<Staff> all() {
        return jdbc.query("SELECT " + COLUMNS + " FROM del_staff ORDER BY id DESC FETCH FIRST 500 ROWS ONLY",
                (rs, n) -> row(rs));
    }

    /** Moves the state only from {@code from}; false when a concurrent move won. */
    boolean move(long id, String from, String to, String caseId, LocalDate leftOn) {
        return jdbc.update("UPDATE del_staff SET state = ?, case_id = COALESCE(?, case_id), left_on = COALESCE(?, left_on) "
                + "WHERE id = ? AND state = ?", to, caseId, leftOn, id, from) == 1;
    }

    private static Staff row(ResultSet rs) throws SQLException {
        OffsetDateTime created = rs.getObject("created_at", OffsetDateTime.class);
        return new Staff(rs.getLong("id"), rs.getString("name"), rs.getString("kind"), rs.getString("vendor"),
                rs.getString("department"), rs.getBigDecimal("monthly_cost"), rs.getString("state"),
                rs.getString("case_id"), rs.getString("created_by"), created == null ? null : created.toInstant(),
                rs.getObject("left_on", LocalDate.class));
    }

    static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
