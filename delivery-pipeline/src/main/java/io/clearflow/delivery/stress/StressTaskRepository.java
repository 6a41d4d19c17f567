package io.clearflow.delivery.stress;

import java.sql.Date;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** Every statement on {@code del_stress_task}. */
@Repository
class StressTaskRepository {

    private final JdbcTemplate jdbc;

    StressTaskRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    void insert(long stressTestId, String title, String owner, java.time.LocalDate deadline) {
        jdbc.update("INSERT INTO del_stress_task (stress_test_id, title, owner, deadline, done) VALUES (?, ?, ?, ?, FALSE)",
                stressTestId, title, owner, Date.valueOf(deadline));
    }

    boolean done(long stressTestId, long taskId, boolean done) {
        return jdbc.update("UPDATE del_stress_task SET done = ? WHERE id = ? AND stress_test_id = ?", done, taskId,
                stressTestId) == 1;
    }

    List<StressTask> of(long stressTestId) {
        return jdbc.query("SELECT id, stress_test_id, title, owner, deadline, done FROM del_stress_task "
                        + "WHERE stress_test_id = ? ORDER BY deadline, id",
                (rs, n) -> new StressTask(rs.getLong("id"), rs.getLong("stress_test_id"), rs.getString("title"),
                        rs.getString("owner"), rs.getDate("deadline").toLocalDate(), rs.getBoolean("done")),
                stressTestId);
    }
}
