package io.clearflow.regtech.rules;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** SQL of {@code cf_reg_topic_rule}. Keywords are stored one per line (a keyword may hold a comma). */
@Repository
class TopicRuleRepository {

    private final JdbcTemplate jdbc;

    TopicRuleRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    List<TopicRule> all() {
        return jdbc.query("select topic, keywords, departments, updated_by, updated_at from cf_reg_topic_rule order by topic",
                (rs, n) -> new TopicRule(rs.getString(1), List.of(rs.getString(2).split("\n")),
                        rs.getString(3).isEmpty() ? List.of() : Arrays.asList(rs.getString(3).split(",")), rs.getString(4),
                        rs.getObject(5, OffsetDateTime.class).toInstant()));
    }

    void save(String topic, List<String> keywords, List<String> departments, String by, Instant now) {
        OffsetDateTime at = now.atOffset(ZoneOffset.UTC);
        int updated = jdbc.update("update cf_reg_topic_rule set keywords = ?, departments = ?, updated_by = ?, updated_at = ? "
                + "where topic = ?", String.join("\n", keywords), String.join(",", departments), by, at, topic);
        if (updated == 0) {
            jdbc.update("insert into cf_reg_topic_rule (topic, keywords, departments, updated_by, updated_at) values (?,?,?,?,?)",
                    topic, String.join("\n", keywords), String.join(",", departments), by, at);
        }
    }

    void delete(String topic) {
        jdbc.update("delete from cf_reg_topic_rule where topic = ?", topic);
    }
}
