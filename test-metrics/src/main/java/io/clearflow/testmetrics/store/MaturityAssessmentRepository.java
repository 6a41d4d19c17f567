package io.clearflow.testmetrics.store;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** SQL of {@code tm_assessment}: maturity assessments of a system or team, kept over time. */
@Repository
public class MaturityAssessmentRepository {

    public record AssessmentRow(long id, String kind, String subject, int targetLevel, String note, String assessedBy,
                                Instant assessedAt) {
    }

    static final String COLUMNS = "id, subject_kind, subject, target_level, note, assessed_by, assessed_at";
    static final RowMapper<AssessmentRow> ROW = (rs, i) -> new AssessmentRow(rs.getLong("id"), rs.getString("subject_kind"),
            rs.getString("subject"), rs.getInt("target_level"), rs.getString("note"), rs.getString("assessed_by"),
            Sql.instant(rs, "assessed_at"));

    private final JdbcTemplate jdbc;

    public MaturityAssessmentRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public long insert(String kind, String subject, int targetLevel, String note, String by, Instant at) {
        var keys = new GeneratedKeyHolder();
        jdbc.update(c -> {
            var ps = c.prepareStatement("INSERT INTO tm_assessment (subject_kind, subject, target_level, note, assessed_by, "
                    + "assessed_at) VALUES (?, ?, ?, ?, ?, ?)", new String[] {"id"});
            ps.setString(1, kind);
            ps.setString(2, subject);
            ps.setInt(3, targetLevel);
            ps.setString(4, note);
            ps.setString(5, by);
            ps.setObject(6, Sql.utc(at));
            return ps;
        }, keys);
        return keys.getKey().longValue();
    }

    public Optional<AssessmentRow> find(long id) {
        return jdbc.query("SELECT " + COLUMNS + " FROM tm_assessment WHERE id = ?", ROW, id).stream().findFirst();
    }

    /** Assessments of a subject, newest first (at most {@code limit}). */
    public List<AssessmentRow> ofSubject(String kind, String subject, int limit) {
        return jdbc.query("SELECT " + COLUMNS + " FROM tm_assessment WHERE subject_kind = ? AND subject = ? ORDER BY id DESC "
                + "FETCH FIRST " + limit + " ROWS ONLY", ROW, kind, subject);
    }

    /** Teams that have been assessed, by name. */
    public List<String> teams() {
        return jdbc.queryForList("SELECT DISTINCT subject FROM tm_assessment WHERE subject_kind = 'TEAM' ORDER BY subject",
                String.class);
    }
}
