package io.clearflow.engine.governance.catalog;

import java.sql.Timestamp;
import java.time.Instant;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** Every statement on {@code gov_case_number}: its identity column is the running number. */
@Repository("governanceCaseNumberRepository") // qualified: other modules have repositories of common names
class CaseNumberRepository {

    private final JdbcTemplate jdbc;

    CaseNumberRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Draws the next running number, shared by every catalog process. */
    long draw(String processKey, Instant at) {
        var keys = new GeneratedKeyHolder();
        jdbc.update(connection -> {
            var ps = connection.prepareStatement("INSERT INTO gov_case_number (process_key, created_at) VALUES (?, ?)",
                    new String[] {"id"});
            ps.setString(1, processKey);
            ps.setTimestamp(2, Timestamp.from(at));
            return ps;
        }, keys);
        return keys.getKey().longValue();
    }
}
