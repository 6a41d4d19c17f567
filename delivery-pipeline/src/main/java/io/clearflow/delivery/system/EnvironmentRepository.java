package io.clearflow.delivery.system;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Repository;

/** Every statement on {@code del_environment}; settings are stored as a JSON object of strings. */
@Repository
public class EnvironmentRepository {

    private static final TypeReference<Map<String, String>> SETTINGS = new TypeReference<>() {
    };

    private final JdbcTemplate jdbc;
    private final ObjectMapper json;
    private final RowMapper<Environment> row;

    EnvironmentRepository(JdbcTemplate jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
        this.row = (rs, i) -> new Environment(rs.getLong("id"), rs.getString("system_code"), rs.getString("environment"),
                rs.getString("target"), rs.getInt("position"), rs.getString("executor"), settings(rs.getString("settings")));
    }

    public void insert(String system, String environment, String target, int position, String executor,
                       Map<String, String> settings) {
        try {
            jdbc.update("INSERT INTO del_environment (system_code, environment, target, position, executor, settings) "
                    + "VALUES (?,?,?,?,?,?)", system, environment, target, position, executor, json.writeValueAsString(settings));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("settings not serialisable", e);
        }
    }

    public List<Environment> all() {
        return jdbc.query("SELECT * FROM del_environment ORDER BY system_code, position, target", row);
    }

    public List<Environment> ofSystem(String system) {
        return jdbc.query("SELECT * FROM del_environment WHERE system_code = ? ORDER BY position, target", row, system);
    }

    private Map<String, String> settings(String text) {
        try {
            return text == null ? Map.of() : json.readValue(text, SETTINGS);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unreadable environment settings", e);
        }
    }
}
