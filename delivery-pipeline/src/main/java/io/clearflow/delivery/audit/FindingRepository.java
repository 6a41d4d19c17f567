package io.clearflow.delivery.audit;

import io.clearflow.testmetrics.api.SarifFindings;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Repository;

/**
 * Every statement on {@code del_audit_finding}. Reads join the system's rule filters (a filter of the rule
 * without fingerprint covers all its findings; with one, that finding in any version of the system).
 */
@Repository("auditFindingRepository") // test-metrics has a FindingRepository bean too
class FindingRepository {

    private static final String SELECT = "SELECT f.*, rf.reason AS filter_reason, rf.author AS filter_author "
            + "FROM del_audit_finding f JOIN del_audit a ON a.id = f.audit_id "
            + "LEFT JOIN del_audit_rule_filter rf ON rf.id = (SELECT MIN(x.id) FROM del_audit_rule_filter x "
            + "WHERE x.system_code = a.system_code AND x.rule_id = f.rule_id "
            + "AND (x.fingerprint IS NULL OR x.fingerprint = f.fingerprint)) ";

    private static final RowMapper<Finding> ROW = (rs, i) -> new Finding(rs.getLong("id"), rs.getString("tool"),
            rs.getString("rule_id"), rs.getString("level"), rs.getString("message"), rs.getString("path"),
            (Integer) rs.getObject("start_line", Integer.class), rs.getString("fingerprint"), rs.getString("suppression"),
            rs.getString("filter_reason"), rs.getString("filter_author"));

    private final JdbcTemplate jdbc;

    FindingRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    void insertAll(long auditId, List<SarifFindings.Finding> findings) {
        jdbc.batchUpdate("INSERT INTO del_audit_finding (audit_id, tool, rule_id, level, message, path, start_line, "
                + "fingerprint, suppression) VALUES (?,?,?,?,?,?,?,?,?)", findings, 1000, (ps, f) -> {
                    ps.setLong(1, auditId);
                    ps.setString(2, cut(f.tool(), 200));
                    ps.setString(3, cut(f.ruleId(), 300));
                    ps.setString(4, f.level());
                    ps.setString(5, cut(f.message(), 4000));
                    ps.setString(6, cut(AuditPaths.fromUri(f.uri()), 1000));
                    ps.setObject(7, f.startLine());
                    ps.setString(8, f.fingerprint());
                    ps.setString(9, cut(f.suppression(), 2000));
                });
    }

    List<Finding> ofAudit(long auditId) {
        return jdbc.query(SELECT + "WHERE f.audit_id = ? ORDER BY f.path, f.start_line, f.id", ROW, auditId);
    }

    List<Finding> ofFile(long auditId, String path) {
        return jdbc.query(SELECT + "WHERE f.audit_id = ? AND f.path = ? ORDER BY f.start_line, f.id", ROW, auditId, path);
    }

    java.util.Optional<Finding> find(long auditId, long id) {
        return jdbc.query(SELECT + "WHERE f.audit_id = ? AND f.id = ?", ROW, auditId, id).stream().findFirst();
    }

    private static String cut(String value, int max) {
        return value == null || value.length() <= max ? value : value.substring(0, max);
    }
}
