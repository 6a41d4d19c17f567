package io.clearflow.regtech.source;

import static io.clearflow.regtech.support.SqlTime.instant;
import static io.clearflow.regtech.support.SqlTime.utc;

import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** SQL of {@code cf_reg_source}; runs on H2 and PostgreSQL alike. */
@Repository
public class SourceRepository {

    private static final String COLUMNS = "id, code, name, url, kind, jurisdiction, organisation, zone, encoding, item_selector, "
            + "title_selector, link_selector, date_selector, date_pattern, news_like, enabled, poll_minutes, etag, last_modified, "
            + "last_polled_at, last_success_at, last_error, last_error_at, consecutive_failures, last_items, last_added, last_error_key, last_error_args";

    private final JdbcTemplate jdbc;

    public SourceRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Separates a stored error message's arguments (a unit separator never occurs in them). */
    static final String ARG_SEPARATOR = "\u001F";

    static final RowMapper<Source> SOURCE = (rs, i) -> new Source(rs.getLong("id"), rs.getString("code"), rs.getString("name"),
            rs.getString("url"), rs.getString("kind"), rs.getString("jurisdiction"), rs.getString("organisation"),
            rs.getString("zone"), rs.getString("encoding"), rs.getString("item_selector"), rs.getString("title_selector"),
            rs.getString("link_selector"), rs.getString("date_selector"), rs.getString("date_pattern"),
            rs.getBoolean("news_like"), rs.getBoolean("enabled"), rs.getInt("poll_minutes"), rs.getString("etag"),
            rs.getString("last_modified"), instant(rs, "last_polled_at"), instant(rs, "last_success_at"),
            rs.getString("last_error"), instant(rs, "last_error_at"), rs.getInt("consecutive_failures"),
            (Integer) rs.getObject("last_items"), (Integer) rs.getObject("last_added"), rs.getString("last_error_key"),
            rs.getString("last_error_args") == null ? List.of() : List.of(rs.getString("last_error_args").split(ARG_SEPARATOR, -1)));

    public List<Source> all() {
        return jdbc.query("select " + COLUMNS + " from cf_reg_source order by id", SOURCE);
    }

    public List<Source> enabled() {
        return jdbc.query("select " + COLUMNS + " from cf_reg_source where enabled order by id", SOURCE);
    }

    public Optional<Source> find(long id) {
        return jdbc.query("select " + COLUMNS + " from cf_reg_source where id = ?", SOURCE, id).stream().findFirst();
    }

    public long insert(SourceInput s, Instant now) {
        var keys = new GeneratedKeyHolder();
        jdbc.update(con -> {
            var ps = con.prepareStatement("insert into cf_reg_source (name, url, kind, jurisdiction, organisation, zone, encoding, "
                    + "item_selector, title_selector, link_selector, date_selector, date_pattern, news_like, enabled, poll_minutes, "
                    + "consecutive_failures, created_at) values (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,0,?)", new String[] {"id"});
            bind(ps, s);
            ps.setObject(16, utc(now));
            return ps;
        }, keys);
        return keys.getKey().longValue();
    }

    public void update(long id, SourceInput s) {
        jdbc.update(con -> {
            var ps = con.prepareStatement("update cf_reg_source set name = ?, url = ?, kind = ?, jurisdiction = ?, organisation = ?, "
                    + "zone = ?, encoding = ?, item_selector = ?, title_selector = ?, link_selector = ?, date_selector = ?, "
                    + "date_pattern = ?, news_like = ?, enabled = ?, poll_minutes = ?, etag = null, last_modified = null where id = ?");
            bind(ps, s);
            ps.setLong(16, id);
            return ps;
        });
    }

    private static void bind(java.sql.PreparedStatement ps, SourceInput s) throws SQLException {
        ps.setString(1, s.name());
        ps.setString(2, s.url());
        ps.setString(3, s.kind());
        ps.setString(4, s.jurisdiction());
        ps.setString(5, s.organisation());
        ps.setString(6, s.zone());
        ps.setString(7, s.encoding());
        ps.setString(8, s.itemSelector());
        ps.setString(9, s.titleSelector());
        ps.setString(10, s.linkSelector());
        ps.setString(11, s.dateSelector());
        ps.setString(12, s.datePattern());
        ps.setBoolean(13, s.newsLike());
        ps.setBoolean(14, s.enabled());
        ps.setInt(15, s.pollMinutes());
    }

    public void setEnabled(long id, boolean enabled) {
        jdbc.update("update cf_reg_source set enabled = ? where id = ?", enabled, id);
    }

    /** A poll round succeeded (or the server said 304): health is reset and the validators kept. */
    public void recordSuccess(long id, Instant now, String etag, String lastModified, int items, int added) {
        jdbc.update("update cf_reg_source set last_polled_at = ?, last_success_at = ?, consecutive_failures = 0, etag = ?, "
                + "last_modified = ?, last_items = ?, last_added = ? where id = ?", utc(now), utc(now), trunc(etag, 500),
                trunc(lastModified, 100), items, added, id);
    }

    public void recordFailure(long id, Instant now, String error) {
        recordFailure(id, now, error, null, List.of());
    }

    /** A failure with its bundle key and arguments (each cut to 300 characters) for the sources page. */
    public void recordFailure(long id, Instant now, String error, String key, List<String> args) {
        String joined = key == null ? null : trunc(String.join(ARG_SEPARATOR, args.stream()
                .map(a -> trunc(a == null ? "" : a.replace(ARG_SEPARATOR, " "), 300)).toList()), 2000);
        jdbc.update("update cf_reg_source set last_polled_at = ?, last_error = ?, last_error_at = ?, last_error_key = ?, "
                + "last_error_args = ?, consecutive_failures = consecutive_failures + 1 where id = ?", utc(now), trunc(error, 2000),
                utc(now), key, joined, id);
    }

    static String trunc(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }
}
