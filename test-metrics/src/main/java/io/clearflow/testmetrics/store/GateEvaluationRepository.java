package io.clearflow.testmetrics.store;

import java.time.Instant;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** SQL of {@code tm_gate_evaluation}: which versions had their promotion decided by a gate. */
@Repository
public class GateEvaluationRepository {

    /**
     * How a system's recent versions were gated.
     *
     * @param versions          versions with reports uploaded in the period
     * @param gated             of those, versions with at least one gate evaluation
     * @param gatedEntryAndExit of those, versions evaluated by two or more rule sets (entry and exit criteria)
     */
    public record Coverage(int versions, int gated, int gatedEntryAndExit) {
    }

    private final JdbcTemplate jdbc;

    public GateEvaluationRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Kept in a transaction of its own: a caller that refuses its business change because the gate failed (a
     * delivery submission answers 422 and stores nothing) still leaves the evaluation on record.
     */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void record(long versionId, String ruleSet, String verdict, Instant at) {
        jdbc.update("INSERT INTO tm_gate_evaluation (version_id, rule_set, verdict, evaluated_at) VALUES (?, ?, ?, ?)",
                versionId, Sql.fit(ruleSet, 64), verdict, Sql.utc(at));
    }

    public Coverage coverage(String project, Instant since) {
        return jdbc.queryForObject("""
                SELECT COUNT(*) AS versions,
                       COUNT(CASE WHEN g.rule_sets >= 1 THEN 1 END) AS gated,
                       COUNT(CASE WHEN g.rule_sets >= 2 THEN 1 END) AS both_gates
                FROM tm_version v
                LEFT JOIN (SELECT version_id, COUNT(DISTINCT rule_set) AS rule_sets FROM tm_gate_evaluation
                           GROUP BY version_id) g ON g.version_id = v.id
                WHERE v.project = ? AND EXISTS (SELECT 1 FROM tm_report r WHERE r.version_id = v.id AND r.uploaded_at >= ?)
                """, (rs, i) -> new Coverage(rs.getInt("versions"), rs.getInt("gated"), rs.getInt("both_gates")),
                project, Sql.utc(since));
    }
}
