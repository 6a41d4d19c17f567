package io.clearflow.testmetrics.store;

import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Repository;

/** SQL of {@code tm_assessment_score}: one indicator's score in an assessment, with its source and evidence. */
@Repository
public class MaturityAssessmentScoreRepository {

    /** A score without its file's bytes (read only when downloaded). */
    public record ScoreRow(long assessmentId, String indicator, Integer level, String source, String basis, String link,
                           String fileName, String fileType, Long fileSize) {
    }

    /** A score to insert, with the attached file if any. */
    public record NewScore(String indicator, Integer level, String source, String basis, String link, String fileName,
                           String fileType, byte[] file) {
    }

    public record EvidenceFile(String name, String type, byte[] content) {
    }

    static final String COLUMNS = "assessment_id, indicator, level, source, basis, link, file_name, file_type, file_size";
    static final RowMapper<ScoreRow> ROW = (rs, i) -> new ScoreRow(rs.getLong("assessment_id"), rs.getString("indicator"),
            (Integer) rs.getObject("level", Integer.class), rs.getString("source"), rs.getString("basis"), rs.getString("link"),
            rs.getString("file_name"), rs.getString("file_type"), (Long) rs.getObject("file_size", Long.class));

    private final JdbcTemplate jdbc;

    public MaturityAssessmentScoreRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public void insert(long assessmentId, List<NewScore> scores) {
        jdbc.batchUpdate("INSERT INTO tm_assessment_score (assessment_id, indicator, level, source, basis, link, file_name, "
                + "file_type, file_size, file_content) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", scores, 50, (ps, s) -> {
                    ps.setLong(1, assessmentId);
                    ps.setString(2, s.indicator());
                    ps.setObject(3, s.level(), java.sql.Types.INTEGER);
                    ps.setString(4, s.source());
                    ps.setString(5, Sql.fit(s.basis(), 2000));
                    ps.setString(6, s.link());
                    ps.setString(7, s.fileName());
                    ps.setString(8, s.fileType());
                    ps.setObject(9, s.file() == null ? null : (long) s.file().length, java.sql.Types.BIGINT);
                    ps.setBytes(10, s.file());
                });
    }

    /** Scores of the given assessments (ordered by assessment, then insertion). */
    public List<ScoreRow> ofAssessments(List<Long> assessmentIds) {
        if (assessmentIds.isEmpty()) {
            return List.of();
        }
        return jdbc.query("SELECT " + COLUMNS + " FROM tm_assessment_score WHERE assessment_id IN ("
                + Sql.marks(assessmentIds.size()) + ") ORDER BY assessment_id, id", ROW, assessmentIds.toArray());
    }

    public Optional<EvidenceFile> file(long assessmentId, String indicator) {
        return jdbc.query("SELECT file_name, file_type, file_content FROM tm_assessment_score WHERE assessment_id = ? "
                + "AND indicator = ? AND file_content IS NOT NULL", (rs, i) -> new EvidenceFile(rs.getString(1),
                rs.getString(2), rs.getBytes(3)), assessmentId, indicator).stream().findFirst();
    }
}
