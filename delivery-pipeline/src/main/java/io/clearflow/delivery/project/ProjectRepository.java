package io.clearflow.delivery.project;

import static io.clearflow.delivery.jdbc.StateRows.instant;
import static io.clearflow.delivery.jdbc.StateRows.utc;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/**
 * Every statement on {@code del_project} and its project–system table {@code del_project_system}, including the
 * cockpit's rollup reads of projects with their summed costs.
 */
@Repository
public class ProjectRepository {

    /** A project with its actual cost (the sum of its {@code del_project_cost} rows, {@code null} without any). */
    public record CostedProject(long id, String name, String department, String stage, BigDecimal budget,
                                BigDecimal actual, Instant createdAt, Instant acceptedAt) {
    }

    private static final String COSTED = "SELECT p.id, p.name, p.department, p.stage, p.budget, p.created_at, "
            + "p.accepted_at, c.actual FROM del_project p LEFT JOIN (SELECT project_id, SUM(amount) AS actual "
            + "FROM del_project_cost GROUP BY project_id) c ON c.project_id = p.id";

    private static final String COLUMNS = "id, name, department, stage, case_id, budget, expected_benefit, created_by, "
            + "created_at, stage_entered_at, accepted_at";

    private final JdbcTemplate jdbc;
    private final NamedParameterJdbcTemplate named;

    ProjectRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
        this.named = new NamedParameterJdbcTemplate(jdbc);
    }

    long insert(String name, String department, ProjectStage stage, String caseId, String by, Instant now) {
        var keys = new GeneratedKeyHolder();
        named.update("INSERT INTO del_project (name, department, stage, case_id, created_by, created_at, stage_entered_at) "
                        + "VALUES (:name, :department, :stage, :caseId, :by, :now, :now)",
                new MapSqlParameterSource().addValue("name", name).addValue("department", department)
                        .addValue("stage", stage.code()).addValue("caseId", caseId).addValue("by", by)
                        .addValue("now", utc(now)), keys, new String[] {"id"});
        return keys.getKey().longValue();
    }

    void addSystems(long projectId, List<String> systems) {
        jdbc.batchUpdate("INSERT INTO del_project_system (project_id, system_code) VALUES (?, ?)",
                systems.stream().map(s -> new Object[] {projectId, s}).toList());
    }

    Optional<Project> find(long id) {
        return jdbc.query("SELECT " + COLUMNS + " FROM del_project WHERE id = ?", (rs, n) -> row(rs), id).stream()
                .findFirst().map(p -> withSystems(p, systems(p.id())));
    }

    List<String> systems(long projectId) {
        return jdbc.queryForList("SELECT system_code FROM del_project_system WHERE project_id = ? ORDER BY system_code",
                String.class, projectId);
    }

    /** Newest first; each filter is optional (null). */
    List<Project> list(String department, ProjectStage stage, String system, int limit) {
        var params = new MapSqlParameterSource();
        List<String> where = new ArrayList<>();
        if (department != null) {
            where.add("p.department = :department");
            params.addValue("department", department);
        }
        if (stage != null) {
            where.add("p.stage = :stage");
            params.addValue("stage", stage.code());
        }
        if (system != null) {
            where.add("EXISTS (SELECT 1 FROM del_project_system s WHERE s.project_id = p.id AND s.system_code = :system)");
            params.addValue("system", system);
        }
        String sql = "SELECT " + COLUMNS.replaceAll("(\\w+)", "p.$1") + " FROM del_project p"
                + (where.isEmpty() ? "" : " WHERE " + String.join(" AND ", where))
                + " ORDER BY p.id DESC FETCH FIRST " + limit + " ROWS ONLY";
        List<Project> projects = named.query(sql, params, (rs, n) -> row(rs));
        return projects.stream().map(p -> withSystems(p, systems(p.id()))).toList();
    }

    /** Moves the stage only when the project is still in {@code from}: false when a concurrent move won. */
    boolean moveStage(long id, ProjectStage from, ProjectStage to, Instant now) {
        return jdbc.update("UPDATE del_project SET stage = ?, stage_entered_at = ?, version = version + 1 "
                + "WHERE id = ? AND stage = ?", to.code(), utc(now), id, from.code()) == 1;
    }

    void evaluation(long id, BigDecimal budget, BigDecimal expectedBenefit) {
        jdbc.update("UPDATE del_project SET budget = ?, expected_benefit = ?, version = version + 1 WHERE id = ?",
                budget, expectedBenefit, id);
    }

    void accepted(long id, Instant at) {
        jdbc.update("UPDATE del_project SET accepted_at = ?, version = version + 1 WHERE id = ?",
                utc(at), id);
    }

    /** Projects created in the scope's period, of its department, touching its system, with their summed costs. */
    public List<CostedProject> costed(ProjectScope scope) {
        List<Object> args = new ArrayList<>();
        String where = scoped(scope, args);
        return jdbc.query(COSTED + where + " ORDER BY p.id", (rs, i) -> costed(rs), args.toArray());
    }

    /** Projects of a department accepted in a (UTC) year. */
    public List<CostedProject> acceptedIn(String department, int year) {
        return jdbc.query(COSTED + " WHERE p.department = ? AND p.accepted_at >= ? AND p.accepted_at < ?"
                + " ORDER BY p.accepted_at, p.id", (rs, i) -> costed(rs), department, yearStart(year), yearStart(year + 1));
    }

    /**
     * The WHERE clause (on {@code del_project p}) selecting the projects of a scope, its arguments added to
     * {@code args}: the rollup reads of the stage and survey tables join through it.
     */
    static String scoped(ProjectScope scope, List<Object> args) {
        StringBuilder where = new StringBuilder(" WHERE 1 = 1");
        if (scope.department() != null) {
            where.append(" AND p.department = ?");
            args.add(scope.department());
        }
        if (scope.system() != null) {
            where.append(" AND EXISTS (SELECT 1 FROM del_project_system s WHERE s.project_id = p.id AND s.system_code = ?)");
            args.add(scope.system());
        }
        if (scope.from() != null) {
            where.append(" AND p.created_at >= ?");
            args.add(Timestamp.from(scope.from()));
        }
        if (scope.until() != null) {
            where.append(" AND p.created_at < ?");
            args.add(Timestamp.from(scope.until()));
        }
        return where.toString();
    }

    private static Timestamp yearStart(int year) {
        return Timestamp.from(LocalDate.of(year, 1, 1).atStartOfDay(ZoneOffset.UTC).toInstant());
    }

    private static CostedProject costed(ResultSet rs) throws SQLException {
        return new CostedProject(rs.getLong("id"), rs.getString("name"), rs.getString("department"),
                rs.getString("stage"), rs.getBigDecimal("budget"), rs.getBigDecimal("actual"), instant(rs, "created_at"),
                instant(rs, "accepted_at"));
    }

    private static Project withSystems(Project p, List<String> systems) {
        return new Project(p.id(), p.name(), p.department(), p.stage(), p.caseId(), p.budget(), p.expectedBenefit(),
                p.createdBy(), p.createdAt(), p.stageEnteredAt(), p.acceptedAt(), systems);
    }

    private static Project row(ResultSet rs) throws SQLException {
        return new Project(rs.getLong("id"), rs.getString("name"), rs.getString("department"),
                ProjectStage.ofCode(rs.getString("stage")).orElseThrow(), rs.getString("case_id"),
                rs.getBigDecimal("budget"), rs.getBigDecimal("expected_benefit"), rs.getString("created_by"),
                instant(rs, "created_at"), instant(rs, "stage_entered_at"), instant(rs, "accepted_at"), List.of());
    }
}
