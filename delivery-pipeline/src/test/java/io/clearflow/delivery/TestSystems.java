package io.clearflow.delivery;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.sql.Timestamp;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Test set-up after the demo systems are seeded: every embedded environment gets one more step, a health check
 * that fails artifacts named {@code broken…} (so a production deployment can fail on purpose and be rolled
 * back), and a system {@code recsys} whose environments use test executors: the {@link RecordingExecutor}, the
 * {@link InstantExecutor}, and a kind nobody provides; its test environment has two clusters.
 */
@Component
@Order(20)
class TestSystems implements ApplicationRunner {

    static final String HEALTH_CHECK = "sh -c 'case \"$1\" in broken*) echo health check failed; exit 1;; esac' check {name}";

    private final JdbcTemplate jdbc;
    private final ObjectMapper json;

    TestSystems(JdbcTemplate jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (jdbc.queryForObject("SELECT COUNT(*) FROM del_system WHERE code = 'recsys'", Long.class) > 0) {
            return;
        }
        jdbc.query("SELECT id, settings FROM del_environment WHERE executor = 'embedded'", rs -> {
            try {
                Map<String, String> settings = json.readValue(rs.getString("settings"), new TypeReference<Map<String, String>>() {
                });
                Map<String, String> checked = new LinkedHashMap<>(settings);
                checked.put("steps", settings.get("steps").strip() + "\n" + HEALTH_CHECK + "\n");
                jdbc.update("UPDATE del_environment SET settings = ? WHERE id = ?", json.writeValueAsString(checked),
                        rs.getLong("id"));
            } catch (JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
        });
        jdbc.update("INSERT INTO del_system (code, name, owner_department, critical, created_at) VALUES "
                + "('recsys', 'Recording', 'dept-it', FALSE, ?)", Timestamp.from(Instant.now()));
        // dev answers inside start(), test has two clusters, staging names an executor nobody provides
        environment(0, "dev", "recsys-dev", "instant");
        environment(1, "test", "recsys-test-sh", "recording");
        environment(2, "test", "recsys-test-sz", "recording");
        environment(3, "staging", "recsys-staging", "nosuch");
        environment(4, "production", "recsys-production", "recording");
    }

    private void environment(int position, String environment, String target, String executor) {
        jdbc.update("INSERT INTO del_environment (system_code, environment, target, position, executor, settings) "
                + "VALUES ('recsys', ?, ?, ?, ?, ?)", environment, target, position, executor,
                "{\"steps\":\"@copy {artifact} {target}/{name}\",\"job\":\"deploy/recsys\"}");
    }
}
