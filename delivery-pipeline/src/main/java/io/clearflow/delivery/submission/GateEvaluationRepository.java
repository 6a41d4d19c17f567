package io.clearflow.delivery.submission;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.clearflow.delivery.jdbc.StateRows;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** Every statement on {@code del_gate_evaluation}: the rules and their evidence as evaluated, kept as JSON. */
@Repository("deliveryGateEvaluationRepository")
class GateEvaluationRepository {

    private static final TypeReference<List<GateView.Rule>> RULES = new TypeReference<>() { };

    private final JdbcTemplate jdbc;
    private final ObjectMapper json;

    GateEvaluationRepository(JdbcTemplate jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    GateView insert(long submissionId, GateView gate) {
        String results;
        try {
            results = json.writeValueAsString(gate.results());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("gate results are not serialisable", e);
        }
        var keys = new GeneratedKeyHolder();
        jdbc.update(con -> {
            var ps = con.prepareStatement("INSERT INTO del_gate_evaluation (submission_id, kind, rule_set, passed, results, "
                    + "evaluated_by, evaluated_at) VALUES (?, ?, ?, ?, ?, ?, ?)", new String[] {"id"});
            ps.setLong(1, submissionId);
            ps.setString(2, gate.kind());
            ps.setString(3, gate.ruleSet());
            ps.setBoolean(4, gate.passed());
            ps.setString(5, results);
            ps.setString(6, gate.evaluatedBy());
            ps.setObject(7, StateRows.utc(gate.evaluatedAt()));
            return ps;
        }, keys);
        return gate.stored(keys.getKey().longValue());
    }

    /** A submission's evaluations, oldest first. */
    List<GateView> ofSubmission(long submissionId) {
        return jdbc.query("SELECT id, kind, rule_set, passed, results, evaluated_by, evaluated_at FROM del_gate_evaluation "
                + "WHERE submission_id = ? ORDER BY id", (rs, n) -> {
                    List<GateView.Rule> rules;
                    try {
                        rules = json.readValue(rs.getString("results"), RULES);
                    } catch (JsonProcessingException e) {
                        throw new IllegalStateException("stored gate results are not readable", e);
                    }
                    return new GateView(rs.getLong("id"), rs.getString("kind"), rs.getString("rule_set"),
                            rs.getBoolean("passed"), rules, rs.getString("evaluated_by"),
                            StateRows.instant(rs, "evaluated_at"));
                }, submissionId);
    }
}
