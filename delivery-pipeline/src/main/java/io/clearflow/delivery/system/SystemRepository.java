package io.clearflow.delivery.system;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Repository;

/** Every statement on {@code del_system}. */
@Repository
public class SystemRepository {

    private static final RowMapper<AppSystem> ROW = (rs, i) -> new AppSystem(rs.getString("code"), rs.getString("name"),
            rs.getString("owner_department"), rs.getBoolean("critical"));

    private final JdbcTemplate jdbc;

    SystemRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public void insert(AppSystem system, Instant now) {
        jdbc.update("INSERT INTO del_system (code, name, owner_department, critical, created_at) VALUES (?,?,?,?,?)",
                system.code(), system.name(), system.ownerDepartment(), system.critical(), Timestamp.from(now));
    }

    public List<AppSystem> all() {
        return jdbc.query("SELECT * FROM del_system ORDER BY code", ROW);
    }

    public Optional<AppSystem> find(String code) {
        return jdbc.query("SELECT * FROM del_system WHERE code = ?", ROW, code).stream().findFirst();
    }

    public long count() {
        return jdbc.queryForObject("SELECT COUNT(*) FROM del_system", Long.class);
    }
}
