package io.clearflow.delivery.submission;

import static io.clearflow.delivery.jdbc.StateRows.instant;
import static io.clearflow.delivery.jdbc.StateRows.utc;

import io.clearflow.delivery.jdbc.StateRows;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** Every statement on {@code del_test_submission}. */
@Repository("deliverySubmissionRepository")
public class SubmissionRepository {

    /** A version's submission milestones, the first of each (the cockpit's rollup). */
    public record Milestones(Instant submittedAt, Instant acceptedAt, Instant verdictAt, boolean passed,
                             Instant qcReviewedAt) {
    }

    private static final String COLUMNS = "id, version_id, artifact_id, system_code, version_label, state, case_id, "
            + "scope_demand_ids, submitted_by, submitted_at, tester, accepted_at, verdict_passed, verdict_comment, "
            + "completed_at, send_back_reason, qc_reviewer, qc_reviewed_at, qc_comment";

    private final JdbcTemplate jdbc;
    private final NamedParameterJdbcTemplate named;

    SubmissionRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
        this.named = new NamedParameterJdbcTemplate(jdbc);
    }

    long insert(long versionId, long artifactId, String system, String version, List<Long> scope, String caseId,
                String submittedBy, Instant now) {
        var keys = new GeneratedKeyHolder();
        named.update("INSERT INTO del_test_submission (version_id, artifact_id, system_code, version_label, state, "
                        + "case_id, scope_demand_ids, submitted_by, submitted_at, updated_at) VALUES (:version, :artifact, "
                        + ":system, :label, :state, :caseId, :scope, :by, :now, :now)",
                new MapSqlParameterSource().addValue("version", versionId).addValue("artifact", artifactId)
                        .addValue("system", system).addValue("label", version)
                        .addValue("state", SubmissionState.SUBMITTED.name()).addValue("caseId", caseId)
                        .addValue("scope", scope.stream().map(String::valueOf).collect(Collectors.joining(",")))
                        .addValue("by", submittedBy).addValue("now", utc(now)), keys, new String[] {"id"});
        return keys.getKey().longValue();
    }

    Optional<TestSubmission> find(long id) {
        return jdbc.query("SELECT " + COLUMNS + " FROM del_test_submission WHERE id = ?", SubmissionRepository::row, id)
                .stream().findFirst();
    }

    List<TestSubmission> ofVersion(long versionId) {
        return jdbc.query("SELECT " + COLUMNS + " FROM del_test_submission WHERE version_id = ? ORDER BY id DESC",
                SubmissionRepository::row, versionId);
    }

    /** Newest first, at most {@code limit}. */
    List<TestSubmission> latest(int limit) {
        return jdbc.query("SELECT " + COLUMNS + " FROM del_test_submission ORDER BY id DESC FETCH FIRST " + limit
                + " ROWS ONLY", SubmissionRepository::row);
    }

    boolean openFor(long versionId, long artifactId) {
        Integer n = jdbc.queryForObject("SELECT COUNT(*) FROM del_test_submission WHERE version_id = ? AND artifact_id = ? "
                + "AND state IN ('SUBMITTED', 'IN_TEST', 'SENT_BACK', 'QC_REVIEW')", Integer.class, versionId, artifactId);
        return n != null && n > 0;
    }

    /** Column names in {@code columns} are this class's own constants, never caller input. */
    private boolean move(long id, SubmissionState from, SubmissionState to, Map<String, Object> columns, Instant now) {
        return StateRows.move(named, "del_test_submission", id, from, to, columns, now);
    }

    boolean accept(long id, String tester, Instant now) {
        return move(id, SubmissionState.SUBMITTED, SubmissionState.IN_TEST, Map.of("tester", tester, "accepted_at", now), now);
    }

    boolean sendBack(long id, SubmissionState from, String reason, Instant now) {
        var columns = new java.util.HashMap<String, Object>();
        columns.put("send_back_reason", reason);
        columns.put("tester", null);
        columns.put("accepted_at", null);
        return move(id, from, SubmissionState.SENT_BACK, columns, now);
    }

    boolean resubmit(long id, Instant now) {
        return move(id, SubmissionState.SENT_BACK, SubmissionState.SUBMITTED, Map.of(), now);
    }

    boolean withdraw(long id, SubmissionState from, Instant now) {
        return move(id, from, SubmissionState.WITHDRAWN, Map.of("completed_at", now), now);
    }

    boolean complete(long id, boolean exitPassed, boolean verdict, String comment, Instant now) {
        var columns = new java.util.HashMap<String, Object>();
        columns.put("verdict_passed", verdict);
        columns.put("verdict_comment", comment);
        columns.put("completed_at", now);
        return move(id, SubmissionState.IN_TEST, exitPassed ? SubmissionState.QC_REVIEW : SubmissionState.FAILED, columns, now);
    }

    /** QC's decision after exit: approved → PASSED; sent back → IN_TEST with the same tester, the reason kept. */
    boolean qcReview(long id, boolean approved, String reviewer, String comment, Instant now) {
        var columns = new java.util.HashMap<String, Object>();
        columns.put("qc_reviewer", reviewer);
        columns.put("qc_reviewed_at", now);
        columns.put("qc_comment", comment);
        return move(id, SubmissionState.QC_REVIEW, approved ? SubmissionState.PASSED : SubmissionState.IN_TEST, columns, now);
    }

    /** {@link Milestones} per version that has submissions; passed when any of them passed. */
    public Map<Long, Milestones> milestonesByVersion() {
        Map<Long, Milestones> out = new HashMap<>();
        jdbc.query("SELECT version_id, MIN(submitted_at) AS submitted, MIN(accepted_at) AS accepted,"
                + " MIN(CASE WHEN verdict_passed IS NOT NULL THEN completed_at END) AS verdict,"
                + " MAX(CASE WHEN verdict_passed THEN 1 ELSE 0 END) AS passed, MIN(qc_reviewed_at) AS qc"
                + " FROM del_test_submission GROUP BY version_id", rs -> {
                    out.put(rs.getLong("version_id"), new Milestones(instant(rs, "submitted"), instant(rs, "accepted"),
                            instant(rs, "verdict"), rs.getInt("passed") == 1, instant(rs, "qc")));
                });
        return out;
    }

    private static TestSubmission row(ResultSet rs, int n) throws SQLException {
        String scope = rs.getString("scope_demand_ids");
        Object verdict = rs.getObject("verdict_passed");
        return new TestSubmission(rs.getLong("id"), rs.getLong("version_id"), rs.getLong("artifact_id"),
                rs.getString("system_code"), rs.getString("version_label"), SubmissionState.valueOf(rs.getString("state")),
                rs.getString("case_id"), scope == null || scope.isEmpty() ? List.of()
                : Arrays.stream(scope.split(",")).map(Long::valueOf).toList(),
                rs.getString("submitted_by"), instant(rs, "submitted_at"), rs.getString("tester"),
                instant(rs, "accepted_at"), verdict == null ? null : rs.getBoolean("verdict_passed"),
                rs.getString("verdict_comment"), instant(rs, "completed_at"), rs.getString("send_back_reason"),
                rs.getString("qc_reviewer"), instant(rs, "qc_reviewed_at"), rs.getString("qc_comment"));
    }
}
