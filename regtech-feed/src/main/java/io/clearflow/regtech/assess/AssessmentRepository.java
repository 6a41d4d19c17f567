package io.clearflow.regtech.assess;

import static io.clearflow.regtech.support.SqlTime.instant;
import static io.clearflow.regtech.support.SqlTime.utc;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** SQL of {@code cf_reg_assessment}; the departments' impacts are in {@link ImpactRepository}. */
@Repository
public class AssessmentRepository {

    private static final String COLUMNS = "id, item_id, case_id, state, relevant, triage_reason, departments, deadline, decision, "
            + "decision_reason, demand_id, triaged_by, triaged_at, decided_by, decided_at, scenario_id";

    private final JdbcTemplate jdbc;

    public AssessmentRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    static final RowMapper<Assessment> ASSESSMENT = (rs, n) -> new Assessment(rs.getLong("id"), rs.getLong("item_id"),
            rs.getString("case_id"), rs.getString("state"), rs.getBoolean("relevant"), rs.getString("triage_reason"),
            rs.getString("departments").isEmpty() ? List.of() : Arrays.asList(rs.getString("departments").split(",")),
            rs.getObject("deadline", LocalDate.class), rs.getString("decision"), rs.getString("decision_reason"),
            rs.getObject("demand_id", Long.class), rs.getString("triaged_by"), instant(rs, "triaged_at"),
            rs.getString("decided_by"), instant(rs, "decided_at"), rs.getString("scenario_id"));

    public long insert(long itemId, String state, boolean relevant, String reason, List<String> departments, LocalDate deadline,
                       String by, Instant now) {
        var keys = new GeneratedKeyHolder();
        jdbc.update(con -> {
            var ps = con.prepareStatement("insert into cf_reg_assessment (item_id, state, relevant, triage_reason, departments, "
                    + "deadline, triaged_by, triaged_at, decision) values (?,?,?,?,?,?,?,?,?)", new String[] {"id"});
            ps.setLong(1, itemId);
            ps.setString(2, state);
            ps.setBoolean(3, relevant);
            ps.setString(4, reason);
            ps.setString(5, String.join(",", departments));
            ps.setObject(6, deadline);
            ps.setString(7, by);
            ps.setObject(8, utc(now));
            ps.setString(9, relevant ? null : "not-relevant");
            return ps;
        }, keys);
        return keys.getKey().longValue();
    }

    public void setCase(long id, String caseId) {
        jdbc.update("update cf_reg_assessment set case_id = ? where id = ?", caseId, id);
    }

    public void setState(long id, String state) {
        jdbc.update("update cf_reg_assessment set state = ? where id = ?", state, id);
    }

    public void decide(long id, String decision, String reason, Long demandId, String scenarioId, String by, Instant now) {
        jdbc.update("update cf_reg_assessment set state = 'closed', decision = ?, decision_reason = ?, demand_id = ?, scenario_id = ?, "
                + "decided_by = ?, decided_at = ? where id = ?", decision, reason, demandId, scenarioId, by, utc(now), id);
    }

    public Optional<Assessment> find(long id) {
        return jdbc.query("select " + COLUMNS + " from cf_reg_assessment where id = ?", ASSESSMENT, id).stream().findFirst();
    }

    public Optional<Assessment> forItem(long itemId) {
        return jdbc.query("select " + COLUMNS + " from cf_reg_assessment where item_id = ?", ASSESSMENT, itemId).stream().findFirst();
    }

    public Optional<Assessment> forCase(String caseId) {
        return jdbc.query("select " + COLUMNS + " from cf_reg_assessment where case_id = ?", ASSESSMENT, caseId).stream().findFirst();
    }

    /** Open ones first (earliest deadline first), then the latest closed ones. */
    public List<Assessment> list(int limit) {
        return jdbc.query("select " + COLUMNS + " from cf_reg_assessment order by case when state = 'closed' then 1 else 0 end, "
                + "deadline, id desc limit ?", ASSESSMENT, limit);
    }
}
