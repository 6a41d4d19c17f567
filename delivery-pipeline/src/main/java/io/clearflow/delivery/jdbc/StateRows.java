package io.clearflow.delivery.jdbc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

/**
 * What the delivery repositories share: instants stored as UTC {@code timestamptz} (every delivery table), and the
 * state-guarded move that keeps a flow's row and its process in step (submission, change, stress test).
 */
public final class StateRows {

    private StateRows() {
    }

    public static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }

    public static OffsetDateTime utc(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }

    /**
     * Moves the row {@code id} of {@code table} from state {@code from} to {@code to}, setting {@code updated_at} and
     * the given columns; false when it was no longer in {@code from} (a concurrent move won). The table and column
     * names are the calling repository's own constants, never caller input: they go into the statement as they are.
     */
    public static boolean move(NamedParameterJdbcTemplate named, String table, long id, Enum<?> from, Enum<?> to,
                               Map<String, Object> columns, Instant now) {
        var params = new MapSqlParameterSource().addValue("id", id).addValue("from", from.name())
                .addValue("to", to.name()).addValue("now", utc(now));
        StringBuilder set = new StringBuilder("state = :to, updated_at = :now");
        columns.forEach((column, value) -> {
            set.append(", ").append(column).append(" = :").append(column);
            params.addValue(column, value instanceof Instant i ? utc(i) : value);
        });
        return named.update("UPDATE " + table + " SET " + set + " WHERE id = :id AND state = :from", params) == 1;
    }
}
