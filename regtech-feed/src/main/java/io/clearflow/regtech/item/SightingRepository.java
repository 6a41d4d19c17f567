package io.clearflow.regtech.item;

import static io.clearflow.regtech.item.ItemRepository.trunc;
import static io.clearflow.regtech.support.SqlTime.instant;
import static io.clearflow.regtech.support.SqlTime.utc;

import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Repository;

/** SQL of {@code cf_reg_sighting}: which source carried which item under which dedupe key. */
@Repository
public class SightingRepository {

    private static final RowMapper<Sighting> SIGHTING = (rs, n) -> new Sighting(rs.getLong(1), rs.getString(2), rs.getString(3),
            rs.getString(4), rs.getString(5), instant(rs, "seen_at"));

    /** One source's copy of an item, as a poll read it. */
    public record NewSighting(long itemId, long sourceId, String dedupeKey, String guid, String link, String title) { }

    private final JdbcTemplate jdbc;

    public SightingRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public void insert(NewSighting s, Instant now) {
        jdbc.update("insert into cf_reg_sighting (item_id, source_id, dedupe_key, guid, link, title, seen_at) values (?,?,?,?,?,?,?)",
                s.itemId(), s.sourceId(), s.dedupeKey(), trunc(s.guid(), 1000), trunc(s.link(), 2000), trunc(s.title(), 1000),
                utc(now));
    }

    /** Dedupe keys a source already has. */
    public Set<String> keys(long sourceId) {
        return new HashSet<>(jdbc.queryForList("select dedupe_key from cf_reg_sighting where source_id = ?", String.class, sourceId));
    }

    /** Every source's copy of an item, with the source's name, first seen first. */
    public List<Sighting> ofItem(long itemId) {
        return jdbc.query("select s.source_id, r.name, s.guid, s.link, s.title, s.seen_at from cf_reg_sighting s "
                + "join cf_reg_source r on r.id = s.source_id where s.item_id = ? order by s.seen_at, s.id", SIGHTING, itemId);
    }
}
