package io.clearflow.regtech.publish;

import static io.clearflow.regtech.support.SqlTime.utc;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** SQL of {@code cf_reg_outbox}. */
@Repository
class OutboxRepository {

    /** An event waiting for Kafka. */
    record Row(long id, long itemId, String type, String payload, Instant createdAt) { }

    private final JdbcTemplate jdbc;

    OutboxRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    void insert(long itemId, String type, String payload, Instant now) {
        jdbc.update("insert into cf_reg_outbox (item_id, event_type, payload, created_at) values (?,?,?,?)", itemId, type, payload,
                utc(now));
    }

    /**
     * The oldest unsent events, locked until the round's transaction ends so two nodes never send the
     * same rows at once.
     */
    List<Row> lockUnsent(int limit) {
        return jdbc.query("select id, item_id, event_type, payload, created_at from cf_reg_outbox where sent_at is null "
                + "order by id limit ? for update", (rs, n) -> new Row(rs.getLong(1), rs.getLong(2), rs.getString(3),
                rs.getString(4), rs.getObject(5, OffsetDateTime.class).toInstant()), limit);
    }

    void markSent(List<Long> ids, Instant now) {
        jdbc.batchUpdate("update cf_reg_outbox set sent_at = ? where id = ?", ids, 500, (ps, id) -> {
            ps.setObject(1, utc(now));
            ps.setLong(2, id);
        });
    }

    long unsent() {
        Long n = jdbc.queryForObject("select count(*) from cf_reg_outbox where sent_at is null", Long.class);
        return n == null ? 0 : n;
    }
}
