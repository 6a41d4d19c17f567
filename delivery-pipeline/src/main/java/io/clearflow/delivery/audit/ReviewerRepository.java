package io.clearflow.delivery.audit;

import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** Every statement on {@code del_audit_reviewer}. */
@Repository
class ReviewerRepository {

    record Reviewer(String area, String userId) {
    }

    private final JdbcTemplate jdbc;

    ReviewerRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Adds the area to the reviewer; false when they own it already. */
    boolean add(String system, String area, String userId) {
        return jdbc.update("INSERT INTO del_audit_reviewer (system_code, area, user_id) SELECT ?, ?, ? WHERE NOT EXISTS "
                + "(SELECT 1 FROM del_audit_reviewer WHERE system_code = ? AND area = ? AND user_id = ?)",
                system, area, userId, system, area, userId) == 1;
    }

    List<Reviewer> ofSystem(String system) {
        return jdbc.query("SELECT area, user_id FROM del_audit_reviewer WHERE system_code = ? ORDER BY area, user_id",
                (rs, i) -> new Reviewer(rs.getString(1), rs.getString(2)), system);
    }
}
