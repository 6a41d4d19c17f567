package io.clearflow.engine.governance.catalog;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Writes and reads the catalog's audit trail; written in the transaction of the change it records. */
@Component
public class AuditTrail {

    private final JdbcTemplate jdbc;
    private final Clock clock;

    public AuditTrail(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public void record(String scenarioId, String actor, String action, String detail) {
        String text = detail == null ? null : detail.length() > 4000 ? detail.substring(0, 3999) + "…" : detail;
        jdbc.update("INSERT INTO gov_audit (scenario_id, actor, action, detail, occurred_at) VALUES (?,?,?,?,?)",
                scenarioId, actor, action, text, Timestamp.from(clock.instant()));
    }

    public List<AuditEntry> of(String scenarioId) {
        return jdbc.query("SELECT * FROM gov_audit WHERE scenario_id = ? ORDER BY id DESC",
                (rs, i) -> new AuditEntry(rs.getLong("id"), rs.getString("scenario_id"), rs.getString("actor"),
                        rs.getString("action"), rs.getString("detail"), rs.getTimestamp("occurred_at").toInstant()),
                scenarioId);
    }
}
