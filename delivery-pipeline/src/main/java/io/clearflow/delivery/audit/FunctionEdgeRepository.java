package io.clearflow.delivery.audit;

import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** Every statement on {@code del_audit_fn_edge}. */
@Repository
class FunctionEdgeRepository {

    private final JdbcTemplate jdbc;

    FunctionEdgeRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Replaces the system's relations (call in a transaction). */
    void replace(String system, List<FunctionNetwork.Relation> relations) {
        jdbc.update("DELETE FROM del_audit_fn_edge WHERE system_code = ?", system);
        jdbc.batchUpdate("INSERT INTO del_audit_fn_edge (system_code, caller, caller_kind, callee, callee_kind) "
                + "VALUES (?,?,?,?,?)", relations, 2000, (ps, r) -> {
                    ps.setString(1, system);
                    ps.setString(2, r.caller());
                    ps.setString(3, r.callerKind());
                    ps.setString(4, r.callee());
                    ps.setString(5, r.calleeKind());
                });
    }

    List<FunctionNetwork.Relation> ofSystem(String system) {
        return jdbc.query("SELECT caller, caller_kind, callee, callee_kind FROM del_audit_fn_edge WHERE system_code = ? "
                + "ORDER BY id", (rs, i) -> new FunctionNetwork.Relation(rs.getString(1), rs.getString(2), rs.getString(3),
                rs.getString(4)), system);
    }
}
