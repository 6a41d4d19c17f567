package io.clearflow.engine.metrics;

import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * Read model of the gauges over Flowable's own runtime tables ({@code ACT_RU_EXECUTION} with
 * {@code ACT_RE_PROCDEF}, {@code ACT_RU_DEADLETTER_JOB}). Flowable owns these tables, so they have no
 * repository of the platform; the running instances of every process come in one grouped statement,
 * which the engine's query API cannot express.
 */
@Repository
class EngineGaugeQueries {

    /** How many instances of a process are running. */
    record RunningInstances(String processKey, long count) { }

    private final JdbcTemplate jdbc;

    EngineGaugeQueries(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Per process key with at least one running instance. */
    List<RunningInstances> runningInstances() {
        // the process instance is the execution whose id is its instance id
        return jdbc.query("SELECT d.KEY_, COUNT(*) FROM ACT_RU_EXECUTION e JOIN ACT_RE_PROCDEF d ON e.PROC_DEF_ID_ = d.ID_ "
                        + "WHERE e.ID_ = e.PROC_INST_ID_ GROUP BY d.KEY_",
                (rs, i) -> new RunningInstances(rs.getString(1), rs.getLong(2)));
    }

    /** Jobs whose retries ran out. */
    long deadLetterJobs() {
        Long dead = jdbc.queryForObject("SELECT COUNT(*) FROM ACT_RU_DEADLETTER_JOB", Long.class);
        return dead == null ? 0 : dead;
    }
}
