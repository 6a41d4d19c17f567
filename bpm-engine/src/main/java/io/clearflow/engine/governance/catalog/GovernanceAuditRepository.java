package io.clearflow.engine.governance.catalog;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** Every statement on {@code gov_audit}. */
@Repository
class GovernanceAuditRepository {

    private final JdbcTemplate jdbc;

    GovernanceAuditRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    void insert(String scenarioId, String actor, String action, String detail, Instant at) {
        jdbc.update("INSERT INTO gov_audit (scenario_id, actor, action, detail, occurred_at) VALUES (?,?,?,?,?)",
                scenarioId, actor, action, detail, Timestamp.from(at));
    }

    /** Newest first. */
    List<AuditEntry> of(String scenarioId) {
        return jdbc.query("SELECT * FROM gov_audit WHERE scenario_id = ? ORDER BY id DESC",
                (rs, i) -> new AuditEntry(rs.getLong("id"), rs.getString("scenario_id"), rs.getString("actor"),
                        rs.getString("action"), rs.getString("detail"), rs.getTimestamp("occurred_at").toInstant()),
                scenarioId);
    }
}
