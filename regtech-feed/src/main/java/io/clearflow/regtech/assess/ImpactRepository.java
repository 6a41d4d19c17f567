package io.clearflow.regtech.assess;

import static io.clearflow.regtech.support.SqlTime.instant;
import static io.clearflow.regtech.support.SqlTime.utc;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** SQL of {@code cf_reg_impact}: each department's impact on an assessment. */
@Repository
class ImpactRepository {

    private final JdbcTemplate jdbc;

    ImpactRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    void insert(long assessmentId, String department, String assessor, String processes, String systems, LocalDate deadline,
                String risk, Instant now) {
        jdbc.update("insert into cf_reg_impact (assessment_id, department, assessor, processes, systems, deadline, risk, assessed_at) "
                + "values (?,?,?,?,?,?,?,?)", assessmentId, department, assessor, processes, systems, deadline, risk, utc(now));
    }

    /** In the order they came in. */
    List<Impact> of(long assessmentId) {
        return jdbc.query("select id, department, assessor, processes, systems, deadline, risk, assessed_at from cf_reg_impact "
                + "where assessment_id = ? order by id", (rs, n) -> new Impact(rs.getLong(1), rs.getString(2), rs.getString(3),
                rs.getString(4), rs.getString(5), rs.getObject(6, LocalDate.class), rs.getString(7), instant(rs, "assessed_at")),
                assessmentId);
    }
}
