package io.clearflow.engine.governance.catalog;

import io.clearflow.engine.api.InvalidRequestException;
import io.clearflow.engine.api.Member;
import io.clearflow.engine.api.NotFoundException;
import io.clearflow.engine.work.CaseView;
import io.clearflow.engine.work.WorkService;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.flowable.engine.HistoryService;
import org.flowable.engine.history.HistoricProcessInstance;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Step 5, improvement: the feedback channel every process has (anyone who may see a case rates its
 * process) and the improvement actions process owners derive from feedback and metrics.
 */
@Service
public class ImprovementService {

    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final GovernanceAccess access;
    private final AuditTrail audit;
    private final CatalogService catalog;
    private final WorkService work;
    private final HistoryService history;

    public ImprovementService(JdbcTemplate jdbc, Clock clock, GovernanceAccess access, AuditTrail audit,
                              CatalogService catalog, WorkService work, HistoryService history) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.access = access;
        this.audit = audit;
        this.catalog = catalog;
        this.work = work;
        this.history = history;
    }

    /** Rates the process of a case the member may see (404 otherwise, as for the case itself). */
    @Transactional
    public Feedback give(Member member, String caseId, String taskName, Integer rating, String comment) {
        Map<String, String> errors = new LinkedHashMap<>();
        if (rating == null || rating < 1 || rating > 5) {
            errors.put("rating", "1 to 5");
        }
        if (comment != null && comment.length() > 2000) {
            errors.put("comment", "at most 2000 characters");
        }
        if (caseId == null || caseId.isBlank()) {
            errors.put("caseId", "required");
        }
        if (!errors.isEmpty()) {
            throw new InvalidRequestException("the feedback is invalid", errors);
        }
        CaseView view = work.caseOf(member, caseId);
        HistoricProcessInstance instance = history.createHistoricProcessInstanceQuery().processInstanceId(caseId).singleResult();
        String text = comment == null || comment.isBlank() ? null : comment.strip();
        String task = taskName == null || taskName.isBlank() ? null : taskName.strip();
        if (task != null && task.length() > 255) {
            task = task.substring(0, 255);
        }
        var keys = new GeneratedKeyHolder();
        String taskLabel = task;
        jdbc.update(connection -> {
            var ps = connection.prepareStatement("INSERT INTO gov_feedback (process_key, process_definition_id, case_id, "
                    + "task_name, rating, comment, created_by, department, created_at) VALUES (?,?,?,?,?,?,?,?,?)", new String[] {"id"});
            ps.setString(1, view.processKey());
            ps.setString(2, instance == null ? null : instance.getProcessDefinitionId());
            ps.setString(3, caseId);
            ps.setString(4, taskLabel);
            ps.setInt(5, rating);
            ps.setString(6, text);
            ps.setString(7, member.userId());
            ps.setString(8, member.department());
            ps.setTimestamp(9, Timestamp.from(clock.instant()));
            return ps;
        }, keys);
        long id = keys.getKey().longValue();
        String scenarioId = catalog.byProcessKey(view.processKey()).map(Scenario::id).orElse(null);
        audit.record(scenarioId, member.userId(), "feedback-given", "feedback " + id + " on " + view.processKey()
                + " case " + caseId + ": " + rating + "/5");
        return feedback(id);
    }

    /** Feedback on one process key (a governed scenario's, or any other process), newest first. */
    public List<Feedback> feedbackOn(Member member, String processKey) {
        access.requireRead(member);
        return jdbc.query("SELECT * FROM gov_feedback WHERE process_key = ? ORDER BY id DESC", this::mapFeedback, processKey);
    }

    /** Feedback on every process, newest first (the governance office's overview). */
    public List<Feedback> allFeedback(Member member, int limit) {
        access.requireRead(member);
        return jdbc.query("SELECT * FROM gov_feedback ORDER BY id DESC", this::mapFeedback).stream().limit(limit).toList();
    }

    public List<Feedback> feedbackOf(Scenario scenario) {
        if (scenario.processKey() == null) {
            return List.of();
        }
        return jdbc.query("SELECT * FROM gov_feedback WHERE process_key = ? ORDER BY id DESC", this::mapFeedback,
                scenario.processKey());
    }

    /** Average rating of a process key, or {@code null} without feedback. */
    public Double averageRating(String processKey) {
        return jdbc.queryForObject("SELECT AVG(CAST(rating AS DECIMAL(5,2))) FROM gov_feedback WHERE process_key = ?",
                (rs, i) -> rs.getObject(1) == null ? null : rs.getDouble(1), processKey);
    }

    private Feedback feedback(long id) {
        return jdbc.query("SELECT * FROM gov_feedback WHERE id = ?", this::mapFeedback, id).stream().findFirst()
                .orElseThrow(() -> new NotFoundException("feedback", String.valueOf(id)));
    }

    // ---- improvement actions --------------------------------------------------------------------

    @Transactional
    public Improvement addAction(Member member, String scenarioId, String title, String description, String metricRef,
                                 List<Long> feedbackIds) {
        Scenario scenario = catalog.find(scenarioId);
        access.requireManage(member, scenario.ownerDepartment());
        Map<String, String> errors = new LinkedHashMap<>();
        if (title == null || title.isBlank() || title.strip().length() > 200) {
            errors.put("title", "required, at most 200 characters");
        }
        if (description != null && description.length() > 4000) {
            errors.put("description", "at most 4000 characters");
        }
        if (metricRef != null && metricRef.length() > 500) {
            errors.put("metricRef", "at most 500 characters");
        }
        List<Long> links = feedbackIds == null ? List.of() : feedbackIds.stream().distinct().toList();
        List<Long> known = feedbackOf(scenario).stream().map(Feedback::id).toList();
        if (!known.containsAll(links)) {
            errors.put("feedbackIds", "only feedback on this scenario's process can be linked");
        }
        if (!errors.isEmpty()) {
            throw new InvalidRequestException("the improvement action is invalid", errors);
        }
        var keys = new GeneratedKeyHolder();
        Timestamp now = Timestamp.from(clock.instant());
        jdbc.update(connection -> {
            var ps = connection.prepareStatement("INSERT INTO gov_improvement (scenario_id, title, description, metric_ref, "
                    + "status, created_by, created_at, updated_at) VALUES (?,?,?,?,?,?,?,?)", new String[] {"id"});
            ps.setString(1, scenarioId);
            ps.setString(2, title.strip());
            ps.setString(3, description == null || description.isBlank() ? null : description.strip());
            ps.setString(4, metricRef == null || metricRef.isBlank() ? null : metricRef.strip());
            ps.setString(5, "open");
            ps.setString(6, member.userId());
            ps.setTimestamp(7, now);
            ps.setTimestamp(8, now);
            return ps;
        }, keys);
        long id = keys.getKey().longValue();
        links.forEach(f -> jdbc.update("INSERT INTO gov_improvement_feedback (improvement_id, feedback_id) VALUES (?,?)", id, f));
        audit.record(scenarioId, member.userId(), "improvement-added", "action " + id + ": " + title.strip()
                + (links.isEmpty() ? "" : ", feedback " + links) + (metricRef == null || metricRef.isBlank() ? "" : ", metric " + metricRef.strip()));
        return action(id);
    }

    @Transactional
    public Improvement setStatus(Member member, long actionId, String status) {
        Improvement action = action(actionId);
        Scenario scenario = catalog.find(action.scenarioId());
        access.requireManage(member, scenario.ownerDepartment());
        if (status == null || !Vocabulary.IMPROVEMENT_STATES.contains(status)) {
            throw new InvalidRequestException("unknown status", Map.of("status", "one of " + Vocabulary.IMPROVEMENT_STATES));
        }
        jdbc.update("UPDATE gov_improvement SET status = ?, updated_at = ? WHERE id = ?", status,
                Timestamp.from(clock.instant()), actionId);
        audit.record(scenario.id(), member.userId(), "improvement-status", "action " + actionId + ": " + action.status()
                + " → " + status);
        return action(actionId);
    }

    public List<Improvement> actions(String scenarioId) {
        return jdbc.query("SELECT * FROM gov_improvement WHERE scenario_id = ? ORDER BY id DESC", this::mapAction, scenarioId);
    }

    public Improvement action(long id) {
        return jdbc.query("SELECT * FROM gov_improvement WHERE id = ?", this::mapAction, id).stream().findFirst()
                .orElseThrow(() -> new NotFoundException("improvement action", String.valueOf(id)));
    }

    private Improvement mapAction(ResultSet rs, int row) throws SQLException {
        long id = rs.getLong("id");
        List<Long> links = jdbc.queryForList("SELECT feedback_id FROM gov_improvement_feedback WHERE improvement_id = ? "
                + "ORDER BY feedback_id", Long.class, id);
        return new Improvement(id, rs.getString("scenario_id"), rs.getString("title"), rs.getString("description"),
                rs.getString("metric_ref"), rs.getString("status"), links, rs.getString("created_by"),
                rs.getTimestamp("created_at").toInstant(), rs.getTimestamp("updated_at").toInstant());
    }

    private Feedback mapFeedback(ResultSet rs, int row) throws SQLException {
        return new Feedback(rs.getLong("id"), rs.getString("process_key"), rs.getString("process_definition_id"),
                rs.getString("case_id"), rs.getString("task_name"), rs.getInt("rating"), rs.getString("comment"),
                rs.getString("created_by"), rs.getString("department"), rs.getTimestamp("created_at").toInstant());
    }
}
