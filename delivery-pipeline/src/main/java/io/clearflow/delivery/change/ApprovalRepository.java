package io.clearflow.delivery.change;

import io.clearflow.delivery.jdbc.StateRows;
import io.clearflow.engine.api.PlatformRole;
import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** Every statement on {@code del_change_approval}. */
@Repository("deliveryChangeApprovalRepository")
class ApprovalRepository {

    private final JdbcTemplate jdbc;

    ApprovalRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    void insert(long changeId, PlatformRole role, String approver, boolean approved, boolean emergency,
                boolean afterDeploy, String comment, Instant at) {
        jdbc.update("INSERT INTO del_change_approval (change_id, role, approver, approved, emergency, after_deploy, comment, "
                        + "decided_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)", changeId, role.name(), approver, approved, emergency,
                afterDeploy, comment, StateRows.utc(at));
    }

    /** The change's decisions, in the order they were made. */
    List<Approval> ofChange(long changeId) {
        return jdbc.query("SELECT id, change_id, role, approver, approved, emergency, after_deploy, comment, decided_at "
                + "FROM del_change_approval WHERE change_id = ? ORDER BY id", (rs, n) -> new Approval(rs.getLong("id"),
                rs.getLong("change_id"), PlatformRole.valueOf(rs.getString("role")), rs.getString("approver"),
                rs.getBoolean("approved"), rs.getBoolean("emergency"), rs.getBoolean("after_deploy"),
                rs.getString("comment"), StateRows.instant(rs, "decided_at")), changeId);
    }

    boolean decided(long changeId, String userId) {
        Integer n = jdbc.queryForObject("SELECT COUNT(*) FROM del_change_approval WHERE change_id = ? AND approver = ?",
                Integer.class, changeId, userId);
        return n != null && n > 0;
    }
}
