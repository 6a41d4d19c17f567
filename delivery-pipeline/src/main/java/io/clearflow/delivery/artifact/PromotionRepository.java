package io.clearflow.delivery.artifact;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Repository;

/** Every statement on {@code del_promotion}. */
@Repository
public class PromotionRepository {

    private static final RowMapper<Promotion> ROW = (rs, i) -> new Promotion(rs.getLong("id"), rs.getLong("artifact_id"),
            rs.getString("from_stage"), rs.getString("to_stage"), rs.getString("promoted_by"),
            rs.getTimestamp("promoted_at").toInstant(), rs.getString("gate_reference"));

    private final JdbcTemplate jdbc;

    PromotionRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public void insert(long artifactId, String fromStage, String toStage, String actor, Instant at, String gateReference) {
        jdbc.update("INSERT INTO del_promotion (artifact_id, from_stage, to_stage, promoted_by, promoted_at, gate_reference) "
                + "VALUES (?,?,?,?,?,?)", artifactId, fromStage, toStage, actor, Timestamp.from(at), gateReference);
    }

    public List<Promotion> of(long artifactId) {
        return jdbc.query("SELECT * FROM del_promotion WHERE artifact_id = ? ORDER BY id", ROW, artifactId);
    }

    public boolean reached(long artifactId, String stage) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM del_promotion WHERE artifact_id = ? AND to_stage = ?", Long.class,
                artifactId, stage) > 0;
    }
}
