package io.clearflow.delivery.audit;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** Every statement on {@code del_audit_rule_filter}. */
@Repository
class RuleFilterRepository {

    record RuleFilter(long id, String ruleId, String fingerprint, String reason, String author, Instant createdAt) {
    }

    private final JdbcTemplate jdbc;

    RuleFilterRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    void insert(String system, String ruleId, String fingerprint, String reason, String author, Instant now) {
        jdbc.update("INSERT INTO del_audit_rule_filter (system_code, rule_id, fingerprint, reason, author, created_at) "
                + "VALUES (?,?,?,?,?,?)", system, ruleId, fingerprint, reason, author, Timestamp.from(now));
    }

    List<RuleFilter> ofSystem(String system) {
        return jdbc.query("SELECT * FROM del_audit_rule_filter WHERE system_code = ? ORDER BY id", (rs, i) -> new RuleFilter(
                rs.getLong("id"), rs.getString("rule_id"), rs.getString("fingerprint"), rs.getString("reason"),
                rs.getString("author"), rs.getTimestamp("created_at").toInstant()), system);
    }
}
