package io.clearflow.demand.lifecycle;

import static io.clearflow.demand.lifecycle.DemandRepository.instant;
import static io.clearflow.demand.lifecycle.DemandRepository.utc;

import io.clearflow.demand.api.DemandState;
import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** Every SQL statement of cf_demand_history, who moved a demand from which state to which, and why. */
@Repository
public class DemandHistoryRepository {

    private final JdbcTemplate jdbc;

    public DemandHistoryRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public void add(long demandId, DemandState from, DemandState to, String actor, Instant at, String note) {
        jdbc.update("INSERT INTO cf_demand_history (demand_id, from_state, to_state, actor, occurred_at, note) "
                + "VALUES (?,?,?,?,?,?)", demandId, from == null ? null : from.name(), to.name(), actor, utc(at), note);
    }

    public List<DemandHistoryEntry> ofDemand(long demandId) {
        return jdbc.query("SELECT from_state, to_state, actor, occurred_at, note FROM cf_demand_history "
                        + "WHERE demand_id = ? ORDER BY id",
                (rs, i) -> new DemandHistoryEntry(rs.getString("from_state") == null ? null
                        : DemandState.valueOf(rs.getString("from_state")), DemandState.valueOf(rs.getString("to_state")),
                        rs.getString("actor"), instant(rs, "occurred_at"), rs.getString("note")), demandId);
    }
}
