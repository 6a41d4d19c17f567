package io.clearflow.delivery.version;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** Every statement on {@code del_timeline}. */
@Repository
public class TimelineRepository {

    static final int MAX_DETAIL = 2000;
    static final int MAX_LINK = 500;

    private final JdbcTemplate jdbc;

    TimelineRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public void insert(long versionId, Instant at, String actor, String kind, String detail, String link,
                       ActionOrigin origin) {
        jdbc.update("INSERT INTO del_timeline (version_id, occurred_at, actor, kind, detail, link, origin) "
                        + "VALUES (?,?,?,?,?,?,?)", versionId, Timestamp.from(at), actor, kind, cut(detail, MAX_DETAIL),
                cut(link, MAX_LINK), origin.name());
    }

    /** Oldest first; the actor's display name is filled in by the caller. */
    public List<TimelineEntry> of(long versionId) {
        return jdbc.query("SELECT * FROM del_timeline WHERE version_id = ? ORDER BY occurred_at, id", (rs, i) ->
                new TimelineEntry(rs.getLong("id"), rs.getLong("version_id"), rs.getTimestamp("occurred_at").toInstant(),
                        rs.getString("actor"), null, rs.getString("kind"), rs.getString("detail"), rs.getString("link"),
                        ActionOrigin.parse(rs.getString("origin"))),
                versionId);
    }

    private static String cut(String value, int max) {
        return value == null || value.length() <= max ? value : value.substring(0, max - 1) + "…";
    }
}
