package io.clearflow.regtech.subscribe;

import static io.clearflow.regtech.support.SqlTime.instant;
import static io.clearflow.regtech.support.SqlTime.utc;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Repository;

/** SQL of {@code cf_reg_subscription}, {@code cf_reg_notice_pending} and {@code cf_reg_notice}. */
@Repository
class SubscriptionRepository {

    private static final String COLUMNS = "id, subscriber_type, subscriber, kind, term, created_by, created_at";
    private static final String NOTICE_COLUMNS = "id, subscriber_type, subscriber, item_ids, created_at, read_by, read_at";

    private final JdbcTemplate jdbc;

    SubscriptionRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    private static final RowMapper<Subscription> SUBSCRIPTION = (rs, n) -> new Subscription(rs.getLong("id"),
            rs.getString("subscriber_type"), rs.getString("subscriber"), rs.getString("kind"), rs.getString("term"),
            rs.getString("created_by"), instant(rs, "created_at"));

    private static final RowMapper<Notice> NOTICE = (rs, n) -> new Notice(rs.getLong("id"), rs.getString("subscriber_type"),
            rs.getString("subscriber"), Arrays.stream(rs.getString("item_ids").split(",")).map(Long::valueOf).toList(),
            instant(rs, "created_at"), rs.getString("read_by"), instant(rs, "read_at"));

    /** Inserts unless the same subscription exists; returns whether it was new. */
    boolean insert(String type, String subscriber, String kind, String term, String by, Instant now) {
        Integer existing = jdbc.queryForObject("select count(*) from cf_reg_subscription where subscriber_type = ? and subscriber = ? "
                + "and kind = ? and term = ?", Integer.class, type, subscriber, kind, term);
        if (existing != null && existing > 0) {
            return false;
        }
        jdbc.update("insert into cf_reg_subscription (subscriber_type, subscriber, kind, term, created_by, created_at) "
                + "values (?,?,?,?,?,?)", type, subscriber, kind, term, by, utc(now));
        return true;
    }

    Optional<Subscription> find(long id) {
        return jdbc.query("select " + COLUMNS + " from cf_reg_subscription where id = ?", SUBSCRIPTION, id).stream().findFirst();
    }

    void delete(long id) {
        jdbc.update("delete from cf_reg_subscription where id = ?", id);
    }

    /** A user's own subscriptions and those of their department. */
    List<Subscription> of(String userId, String department) {
        return jdbc.query("select " + COLUMNS + " from cf_reg_subscription where (subscriber_type = 'user' and subscriber = ?) "
                + "or (subscriber_type = 'department' and subscriber = ?) order by subscriber_type desc, kind, term", SUBSCRIPTION,
                userId, department == null ? "" : department);
    }

    List<Subscription> ofSubscriber(String subscriberType, String subscriber) {
        return jdbc.query("select " + COLUMNS + " from cf_reg_subscription where subscriber_type = ? and subscriber = ? "
                + "order by kind, term", SUBSCRIPTION, subscriberType, subscriber);
    }

    List<Subscription> all() {
        return jdbc.query("select " + COLUMNS + " from cf_reg_subscription order by subscriber_type, subscriber, id", SUBSCRIPTION);
    }

    void addPending(List<Long> itemIds) {
        jdbc.batchUpdate("insert into cf_reg_notice_pending (item_id) values (?)", itemIds, 500, (ps, id) -> ps.setLong(1, id));
    }

    /** Pending item ids, locked so two nodes delivering at once do not both notify. */
    List<Long> lockPending() {
        return jdbc.queryForList("select item_id from cf_reg_notice_pending order by item_id for update", Long.class);
    }

    void clearPending(List<Long> itemIds) {
        jdbc.batchUpdate("delete from cf_reg_notice_pending where item_id = ?", itemIds, 500, (ps, id) -> ps.setLong(1, id));
    }

    void insertNotice(String type, String subscriber, List<Long> itemIds, Instant now) {
        jdbc.update("insert into cf_reg_notice (subscriber_type, subscriber, item_ids, item_count, created_at) values (?,?,?,?,?)",
                type, subscriber, String.join(",", itemIds.stream().map(String::valueOf).toList()), itemIds.size(), utc(now));
    }

    /** Notices to a user and to their department, newest first. */
    List<Notice> notices(String userId, String department, int limit) {
        return jdbc.query("select " + NOTICE_COLUMNS + " from cf_reg_notice where (subscriber_type = 'user' and subscriber = ?) "
                + "or (subscriber_type = 'department' and subscriber = ?) order by created_at desc, id desc limit ?", NOTICE,
                userId, department == null ? "" : department, limit);
    }

    long unread(String userId, String department) {
        Long n = jdbc.queryForObject("select count(*) from cf_reg_notice where read_at is null and ((subscriber_type = 'user' "
                + "and subscriber = ?) or (subscriber_type = 'department' and subscriber = ?))", Long.class, userId,
                department == null ? "" : department);
        return n == null ? 0 : n;
    }

    Optional<Notice> notice(long id) {
        return jdbc.query("select " + NOTICE_COLUMNS + " from cf_reg_notice where id = ?", NOTICE, id).stream().findFirst();
    }

    void markRead(long id, String by, Instant now) {
        jdbc.update("update cf_reg_notice set read_by = ?, read_at = ? where id = ? and read_at is null", by, utc(now), id);
    }
}
