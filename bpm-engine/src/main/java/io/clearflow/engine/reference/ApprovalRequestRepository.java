package io.clearflow.engine.reference;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** Every statement on {@code cf_approval_request}. */
@Repository
class ApprovalRequestRepository {

    private final JdbcTemplate jdbc;

    ApprovalRequestRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Written whole, with the id of the case about to start for it; the new request's id. */
    long insert(String caseId, String title, BigDecimal amount, String reason, String requester, String department,
                Instant at) {
        var keys = new GeneratedKeyHolder();
        jdbc.update(connection -> {
            var ps = connection.prepareStatement("INSERT INTO cf_approval_request (process_instance_id, title, amount, "
                    + "reason, requester, department, created_at) VALUES (?,?,?,?,?,?,?)", new String[] {"id"});
            ps.setString(1, caseId);
            ps.setString(2, title);
            ps.setBigDecimal(3, amount);
            ps.setString(4, reason);
            ps.setString(5, requester);
            ps.setString(6, department);
            ps.setTimestamp(7, Timestamp.from(at));
            return ps;
        }, keys);
        return keys.getKey().longValue();
    }

    Optional<ApprovalRequest> forCase(String caseId) {
        return jdbc.query("SELECT * FROM cf_approval_request WHERE process_instance_id = ?",
                (rs, i) -> new ApprovalRequest(rs.getLong("id"), rs.getString("process_instance_id"), rs.getString("title"),
                        rs.getBigDecimal("amount"), rs.getString("reason"), rs.getString("requester"),
                        rs.getString("department"), rs.getTimestamp("created_at").toInstant()), caseId)
                .stream().findFirst();
    }
}
