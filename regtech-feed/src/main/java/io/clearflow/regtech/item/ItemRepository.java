package io.clearflow.regtech.item;

import static io.clearflow.regtech.support.SqlTime.instant;
import static io.clearflow.regtech.support.SqlTime.utc;

import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/**
 * SQL of {@code cf_reg_item}; runs on H2 and PostgreSQL alike. The dedupe candidates and the source filter read
 * {@code cf_reg_sighting} beside the items, as they select items; the sightings themselves are {@link SightingRepository}'s.
 */
@Repository
public class ItemRepository {

    private static final String COLUMNS = "i.id, i.title, i.link, i.summary, i.published_at, i.first_seen_at, i.source_id, "
            + "i.jurisdiction, i.organisation, i.topics, i.departments, i.news_like, i.expires_at, i.status, i.assessment_id";

    private final JdbcTemplate jdbc;

    public ItemRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    static List<String> list(String csv) {
        return csv == null || csv.isEmpty() ? List.of() : Arrays.asList(csv.substring(1, csv.length() - 1).split(","));
    }

    /** Stored as ",a,b," so that a topic filter is one LIKE '%,a,%'. */
    static String csv(List<String> values) {
        return values.isEmpty() ? "" : "," + String.join(",", values) + ",";
    }

    static final RowMapper<Item> ITEM = (rs, n) -> new Item(rs.getLong("id"), rs.getString("title"), rs.getString("link"),
            rs.getString("summary"), instant(rs, "published_at"), instant(rs, "first_seen_at"), (Long) rs.getObject("source_id", Long.class),
            rs.getString("jurisdiction"), rs.getString("organisation"), list(rs.getString("topics")),
            list(rs.getString("departments")), rs.getBoolean("news_like"), instant(rs, "expires_at"), rs.getString("status"),
            rs.getObject("assessment_id", Long.class));

    /** A new announcement with its classification. */
    public record NewItem(String title, String titleNorm, String link, String summary, Instant publishedAt, LocalDate publishedDay,
                          Long sourceId, String jurisdiction, String organisation, List<String> topics, List<String> departments,
                          boolean newsLike, Instant expiresAt, String status) { }

    public long insert(NewItem i, Instant now) {
        var keys = new GeneratedKeyHolder();
        jdbc.update(con -> {
            var ps = con.prepareStatement("insert into cf_reg_item (title, title_norm, link, summary, published_at, published_day, "
                    + "first_seen_at, source_id, jurisdiction, organisation, topics, departments, news_like, expires_at, status, search_text) "
                    + "values (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)", new String[] {"id"});
            ps.setString(1, trunc(i.title(), 1000));
            ps.setString(2, trunc(i.titleNorm(), 1000));
            ps.setString(3, trunc(i.link(), 2000));
            ps.setString(4, trunc(i.summary(), 4000));
            ps.setObject(5, utc(i.publishedAt()));
            ps.setObject(6, i.publishedDay());
            ps.setObject(7, utc(now));
            ps.setObject(8, i.sourceId());
            ps.setString(9, i.jurisdiction());
            ps.setString(10, i.organisation());
            ps.setString(11, csv(i.topics()));
            ps.setString(12, csv(i.departments()));
            ps.setBoolean(13, i.newsLike());
            ps.setObject(14, utc(i.expiresAt()));
            ps.setString(15, i.status());
            ps.setString(16, searchText(i.title(), i.summary()));
            return ps;
        }, keys);
        return keys.getKey().longValue();
    }

    /** A possible cluster partner: an item, its normalised title and day, and the sources that carry it. */
    public record Candidate(long id, String titleNorm, LocalDate day, Set<Long> sources) { }

    /** Items published between the two days (inclusive), with their sources. */
    public List<Candidate> candidates(LocalDate from, LocalDate to) {
        java.util.Map<Long, Candidate> byId = new java.util.LinkedHashMap<>();
        jdbc.query("select i.id, i.title_norm, i.published_day, s.source_id from cf_reg_item i left join cf_reg_sighting s "
                + "on s.item_id = i.id where i.published_day between ? and ?", rs -> {
                    long id = rs.getLong(1);
                    Candidate c = byId.computeIfAbsent(id, k -> {
                        try {
                            return new Candidate(id, rs.getString(2), rs.getObject(3, LocalDate.class), new HashSet<>());
                        } catch (SQLException e) {
                            throw new IllegalStateException(e);
                        }
                    });
                    long source = rs.getLong(4);
                    if (!rs.wasNull()) {
                        c.sources().add(source);
                    }
                }, from, to);
        return new ArrayList<>(byId.values());
    }

    /** Items without a day with exactly this normalised title. */
    public List<Candidate> undatedByTitle(String titleNorm) {
        java.util.Map<Long, Candidate> byId = new java.util.LinkedHashMap<>();
        jdbc.query("select i.id, s.source_id from cf_reg_item i left join cf_reg_sighting s on s.item_id = i.id "
                + "where i.title_norm = ? and i.published_day is null", rs -> {
                    Candidate c = byId.computeIfAbsent(rs.getLong(1), k -> new Candidate(k, titleNorm, null, new HashSet<>()));
                    long source = rs.getLong(2);
                    if (!rs.wasNull()) {
                        c.sources().add(source);
                    }
                }, titleNorm);
        return new ArrayList<>(byId.values());
    }

    public Optional<Item> find(long id) {
        return jdbc.query("select " + COLUMNS + " from cf_reg_item i where i.id = ?", ITEM, id).stream().findFirst();
    }

    private record Where(String sql, List<Object> args) { }

    private static Where where(ItemFilter f) {
        StringBuilder sql = new StringBuilder(" from cf_reg_item i where 1 = 1");
        List<Object> args = new ArrayList<>();
        if (f.source() != null) {
            sql.append(" and exists (select 1 from cf_reg_sighting s where s.item_id = i.id and s.source_id = ?)");
            args.add(f.source());
        }
        if (f.from() != null) {
            sql.append(" and i.published_day >= ?");
            args.add(f.from());
        }
        if (f.to() != null) {
            sql.append(" and i.published_day <= ?");
            args.add(f.to());
        }
        if (f.jurisdiction() != null) {
            sql.append(" and i.jurisdiction = ?");
            args.add(f.jurisdiction().toUpperCase(Locale.ROOT));
        }
        if (f.organisation() != null) {
            sql.append(" and lower(i.organisation) = ?");
            args.add(f.organisation().toLowerCase(Locale.ROOT));
        }
        if (f.topic() != null) {
            sql.append(" and i.topics like ?");
            args.add("%," + f.topic().replace("%", "").replace("_", "") + ",%");
        }
        if (f.status() != null) {
            sql.append(" and i.status = ?");
            args.add(f.status());
        } else {
            sql.append(" and i.status <> 'archived'");
        }
        if (f.q() != null) {
            // every word must occur in the title or the summary; Chinese needs no word splitting for LIKE
            for (String word : f.q().toLowerCase(Locale.ROOT).split("\\s+")) {
                String like = "%" + word.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
                sql.append(" and i.search_text like ? escape '\\'");
                args.add(like);
            }
        }
        return new Where(sql.toString(), args);
    }

    /** One page and the number of all matches, in one statement (a window count over the filtered rows). */
    public record PageRows(List<Item> items, long total) { }

    public PageRows page(ItemFilter f) {
        Where w = where(f);
        List<Object> args = new ArrayList<>(w.args());
        args.add(f.size());
        args.add((long) f.page() * f.size());
        long[] total = {-1};
        List<Item> rows = jdbc.query("select " + COLUMNS + ", count(*) over () as total_rows" + w.sql()
                + " order by i.published_at desc nulls last, i.id desc limit ? offset ?", (rs, n) -> {
                    total[0] = rs.getLong("total_rows");
                    return ITEM.mapRow(rs, n);
                }, args.toArray());
        // past the last page there is no row to carry the total
        return new PageRows(rows, total[0] >= 0 ? total[0] : count(f));
    }

    public List<Item> search(ItemFilter f) {
        Where w = where(f);
        List<Object> args = new ArrayList<>(w.args());
        args.add(f.size());
        args.add((long) f.page() * f.size());
        return jdbc.query("select " + COLUMNS + w.sql() + " order by i.published_at desc nulls last, i.id desc limit ? offset ?",
                ITEM, args.toArray());
    }

    public long count(ItemFilter f) {
        Where w = where(f);
        return jdbc.queryForObject("select count(*)" + w.sql(), Long.class, w.args().toArray());
    }

    /** Distinct jurisdictions present, for the filter lists. */
    public List<String> jurisdictions() {
        return jdbc.queryForList("select distinct jurisdiction from cf_reg_item where jurisdiction is not null order by 1", String.class);
    }

    /** Distinct organisations present, for the filter lists. */
    public List<String> organisations() {
        return jdbc.queryForList("select distinct organisation from cf_reg_item where organisation is not null order by 1", String.class);
    }

    /** New topics and departments after reclassification (retention and status stay as they are). */
    public void updateClassification(long id, List<String> topics, List<String> departments) {
        jdbc.update("update cf_reg_item set topics = ?, departments = ? where id = ?", csv(topics), csv(departments), id);
    }

    public void setStatus(long id, String status) {
        jdbc.update("update cf_reg_item set status = ? where id = ?", status, id);
    }

    public void setAssessment(long id, long assessmentId, String status) {
        jdbc.update("update cf_reg_item set assessment_id = ?, status = ? where id = ?", assessmentId, status, id);
    }

    /** Retention: news-like items past their expiry that nobody is assessing are archived. */
    public int archiveExpired(Instant now) {
        return jdbc.update("update cf_reg_item set status = 'archived' where expires_at < ? and status = 'new'", utc(now));
    }

    public long total() {
        return jdbc.queryForObject("select count(*) from cf_reg_item", Long.class);
    }

    /** What a search word is matched against: title and summary, lower case. */
    public static String searchText(String title, String summary) {
        return trunc((title + " " + (summary == null ? "" : summary)).toLowerCase(Locale.ROOT), 5100);
    }

    static String trunc(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }
}
