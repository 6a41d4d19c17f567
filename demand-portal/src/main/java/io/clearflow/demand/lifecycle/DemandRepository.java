package io.clearflow.demand.lifecycle;

import io.clearflow.demand.api.DemandState;
import io.clearflow.demand.api.NewDemand;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/**
 * Every SQL statement of cf_demand with its row mapper, apart from the statistics' read model
 * ({@code stats.DemandStatisticsQueries}) and the rollup's definition: the lifecycle's writes, and the lists, kanban
 * columns and version totals the pages read. Runs on H2 and PostgreSQL alike.
 */
@Repository
public class DemandRepository {

    static final String DEMAND_COLUMNS = "id, title, description, department, requester, category, business_value, "
            + "urgency, regulatory, regulation_ref, expected_date, state, process_instance_id, origin_type, origin_ref, "
            + "value_score, estimate_days, actual_days, priority, target_version, submitted_at, triaged_at, "
            + "delivered_at, closed_at, acceptance_rejections, reject_reason";

    /** A target version's demands: how many, how many done, estimated and actual person-days. */
    public record VersionTotals(String version, long demands, long done, BigDecimal estimatedDays,
                                BigDecimal actualDays) { }

    private static final Pattern DEMAND_NUMBER = Pattern.compile("(?i)(?:DEM-)?(\\d{1,15})");

    private final JdbcTemplate jdbc;

    public DemandRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    static OffsetDateTime utc(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    static String month(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC).toLocalDate().toString().substring(0, 7);
    }

    static final RowMapper<Demand> DEMAND = (rs, i) -> new Demand(rs.getLong("id"), rs.getString("title"),
            rs.getString("description"), rs.getString("department"), rs.getString("requester"),
            rs.getString("category"), rs.getString("business_value"), rs.getString("urgency"),
            rs.getBoolean("regulatory"), rs.getString("regulation_ref"), rs.getObject("expected_date", LocalDate.class),
            DemandState.valueOf(rs.getString("state")), rs.getString("process_instance_id"),
            rs.getString("origin_type"), rs.getString("origin_ref"), (Integer) rs.getObject("value_score"),
            rs.getBigDecimal("estimate_days"), rs.getBigDecimal("actual_days"), rs.getString("priority"),
            rs.getString("target_version"), instant(rs, "submitted_at"), instant(rs, "triaged_at"),
            instant(rs, "delivered_at"), instant(rs, "closed_at"), rs.getInt("acceptance_rejections"),
            rs.getString("reject_reason"));

    public long insert(NewDemand d, String requester, String department, Instant now) {
        var keys = new GeneratedKeyHolder();
        jdbc.update(connection -> {
            var ps = connection.prepareStatement("INSERT INTO cf_demand (title, description, department, requester, "
                    + "category, business_value, urgency, regulatory, regulation_ref, expected_date, state, origin_type, "
                    + "origin_ref, submitted_at, submitted_month) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)", new String[] {"id"});
            ps.setString(1, d.title());
            ps.setString(2, d.description());
            ps.setString(3, department);
            ps.setString(4, requester);
            ps.setString(5, d.category());
            ps.setString(6, d.businessValue());
            ps.setString(7, d.urgency());
            ps.setBoolean(8, d.regulatory());
            ps.setString(9, d.regulationRef());
            ps.setObject(10, d.expectedDate());
            ps.setString(11, DemandState.SUBMITTED.name());
            ps.setString(12, d.origin() == null ? null : d.origin().type());
            ps.setString(13, d.origin() == null ? null : d.origin().reference());
            ps.setObject(14, utc(now));
            ps.setString(15, month(now));
            return ps;
        }, keys);
        return keys.getKey().longValue();
    }

    public void setCase(long id, String caseId) {
        jdbc.update("UPDATE cf_demand SET process_instance_id = ? WHERE id = ?", caseId, id);
    }

    public Optional<Demand> find(long id) {
        return jdbc.query("SELECT " + DEMAND_COLUMNS + " FROM cf_demand WHERE id = ?", DEMAND, id).stream().findFirst();
    }

    /** Demands still open (not done, not rejected), for the consistency check. */
    public List<Demand> open() {
        return jdbc.query("SELECT " + DEMAND_COLUMNS + " FROM cf_demand WHERE state NOT IN ('DONE', 'REJECTED') ORDER BY id",
                DEMAND);
    }

    public Optional<Demand> findByCase(String caseId) {
        return jdbc.query("SELECT " + DEMAND_COLUMNS + " FROM cf_demand WHERE process_instance_id = ?", DEMAND, caseId)
                .stream().findFirst();
    }

    /**
     * Moves a demand from one state to another, with the change's further facts, only if it is still in
     * {@code from}: two people acting at once cannot both move it.
     */
    public boolean move(long id, DemandState from, DemandState to, DemandChange change) {
        StringBuilder sql = new StringBuilder("UPDATE cf_demand SET state = ?, row_version = row_version + 1");
        List<Object> args = new ArrayList<>();
        args.add(to.name());
        change.columns().forEach((column, value) -> {
            sql.append(", ").append(column).append(" = ?");
            args.add(value instanceof Instant instant ? utc(instant) : value);
        });
        sql.append(" WHERE id = ? AND state = ?");
        args.add(id);
        args.add(from.name());
        return jdbc.update(sql.toString(), args.toArray()) == 1;
    }

    /** Demands of a requester, newest first. */
    public List<Demand> byRequester(String requester, int offset, int limit) {
        return jdbc.query("SELECT " + DEMAND_COLUMNS + " FROM cf_demand WHERE requester = ? ORDER BY id DESC"
                + page(offset, limit), DEMAND, requester);
    }

    /** Demands of a business department, newest first. */
    public List<Demand> byDepartment(String department, int offset, int limit) {
        return jdbc.query("SELECT " + DEMAND_COLUMNS + " FROM cf_demand WHERE department = ? ORDER BY id DESC"
                + page(offset, limit), DEMAND, department);
    }

    /**
     * One kanban column: the newest {@code limit} demands in the state after skipping {@code offset}, under the
     * filter and the reader's checked department scope (null: every department). The index on state or
     * department+state, then id, serves it without a sort over the whole column.
     */
    public List<Demand> column(DemandState state, DemandQueries.BoardFilter filter, String scope, int offset, int limit) {
        StringBuilder sql = new StringBuilder("SELECT " + DEMAND_COLUMNS + " FROM cf_demand WHERE state = ?");
        List<Object> args = new ArrayList<>();
        args.add(state.name());
        where(filter, scope, sql, args);
        sql.append(" ORDER BY id DESC").append(page(offset, limit));
        return jdbc.query(sql.toString(), DEMAND, args.toArray());
    }

    /** Column counts under a filter and scope, every state present (0 when empty): one grouped COUNT. */
    public Map<DemandState, Long> countsByState(DemandQueries.BoardFilter filter, String scope) {
        Map<DemandState, Long> counts = new EnumMap<>(DemandState.class);
        for (DemandState s : DemandState.values()) {
            counts.put(s, 0L);
        }
        StringBuilder sql = new StringBuilder("SELECT state, COUNT(*) AS n FROM cf_demand WHERE 1 = 1");
        List<Object> args = new ArrayList<>();
        where(filter, scope, sql, args);
        sql.append(" GROUP BY state");
        jdbc.query(sql.toString(), rs -> {
            counts.put(DemandState.valueOf(rs.getString("state")), rs.getLong("n"));
        }, args.toArray());
        return counts;
    }

    /** A filter's conditions (after a first one) and arguments; the department is the checked scope. */
    private static void where(DemandQueries.BoardFilter filter, String scope, StringBuilder sql, List<Object> args) {
        if (scope != null) {
            sql.append(" AND department = ?");
            args.add(scope);
        }
        if (filter.category() != null) {
            sql.append(" AND category = ?");
            args.add(filter.category());
        }
        if (filter.urgency() != null) {
            sql.append(" AND urgency = ?");
            args.add(filter.urgency());
        }
        if (filter.version() != null) {
            sql.append(" AND target_version = ?");
            args.add(filter.version());
        }
        if (filter.text() != null) {
            Matcher number = DEMAND_NUMBER.matcher(filter.text());
            if (number.matches()) {
                sql.append(" AND id = ?");
                args.add(Long.parseLong(number.group(1)));
            } else {
                sql.append(" AND LOWER(title) LIKE ? ESCAPE '\\'");
                args.add("%" + filter.text().toLowerCase(Locale.ROOT).replace("\\", "\\\\")
                        .replace("%", "\\%").replace("_", "\\_") + "%");
            }
        }
    }

    /** Totals per target version, newest version first; {@code scope} null: every department. */
    public List<VersionTotals> versionTotals(String scope) {
        String where = " WHERE d.target_version IS NOT NULL" + (scope == null ? "" : " AND d.department = ?");
        Object[] args = scope == null ? new Object[0] : new Object[] {scope};
        return jdbc.query("SELECT d.target_version AS v, COUNT(*) AS n, SUM(CASE WHEN d.state = 'DONE' THEN 1 ELSE 0 END) "
                + "AS done, SUM(d.estimate_days) AS est, SUM(d.actual_days) AS act FROM cf_demand d" + where
                + " GROUP BY d.target_version ORDER BY d.target_version DESC", (rs, i) -> new VersionTotals(
                        rs.getString("v"), rs.getLong("n"), rs.getLong("done"), rs.getBigDecimal("est"),
                        rs.getBigDecimal("act")), args);
    }

    /** The newest 200 demands of a target version; {@code scope} null: every department. */
    public List<Demand> inVersion(String version, String scope) {
        if (scope == null) {
            return jdbc.query("SELECT " + DEMAND_COLUMNS + " FROM cf_demand WHERE target_version = ? "
                    + "ORDER BY id DESC FETCH FIRST 200 ROWS ONLY", DEMAND, version);
        }
        return jdbc.query("SELECT " + DEMAND_COLUMNS + " FROM cf_demand WHERE target_version = ? AND "
                + "department = ? ORDER BY id DESC FETCH FIRST 200 ROWS ONLY", DEMAND, version, scope);
    }

    /**
     * Offset and limit as literals (checked ints, nothing a user types): with bind parameters
     * PostgreSQL's generic plan does not know how few rows are wanted and may sort every row of
     * the requester or department instead of walking the index newest first.
     */
    static String page(int offset, int limit) {
        return " OFFSET " + Math.max(0, offset) + " ROWS FETCH FIRST " + Math.max(1, limit) + " ROWS ONLY";
    }
}
