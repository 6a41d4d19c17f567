package io.clearflow.engine.monitor;

import io.clearflow.engine.monitor.ExceptionTasks.ExceptionTask;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * Read model of the exception tasks: Flowable's open tasks ({@code ACT_RU_TASK}) with their process definition
 * and instance history, and whether the instance has a failed job ({@link InstanceRepository#FAILED}). The
 * engine's task query cannot select "overdue or its instance has a failed job" in one page, so this reads
 * the tables; it never writes them.
 */
@Repository
class ExceptionTaskQueries {

    private static final String FAILED = InstanceRepository.FAILED.replace("p.PROC_INST_ID_", "t.PROC_INST_ID_");

    private final JdbcTemplate jdbc;

    ExceptionTaskQueries(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Tasks due before {@code now} or blocked by a failed job, the longest overdue first, at most {@code limit}. */
    List<ExceptionTask> overdueOrBlocked(Instant now, int limit) {
        return jdbc.query("SELECT t.ID_, t.NAME_, t.TASK_DEF_KEY_, t.PROC_INST_ID_, d.KEY_, d.NAME_ AS PROC_NAME_,"
                        + " p.START_USER_ID_, t.ASSIGNEE_, t.CREATE_TIME_, t.DUE_DATE_,"
                        + " CASE WHEN " + FAILED + " THEN 1 ELSE 0 END AS FAILED_"
                        + " FROM ACT_RU_TASK t LEFT JOIN ACT_RE_PROCDEF d ON d.ID_ = t.PROC_DEF_ID_"
                        + " LEFT JOIN ACT_HI_PROCINST p ON p.PROC_INST_ID_ = t.PROC_INST_ID_"
                        + " WHERE t.PROC_INST_ID_ IS NOT NULL AND (t.DUE_DATE_ < ? OR " + FAILED + ")"
                        + " ORDER BY t.DUE_DATE_ ASC, t.CREATE_TIME_ ASC LIMIT " + limit,
                (rs, n) -> {
                    Instant due = instant(rs.getTimestamp("DUE_DATE_"));
                    return new ExceptionTask(rs.getString("ID_"), rs.getString("NAME_"), rs.getString("TASK_DEF_KEY_"),
                            rs.getString("PROC_INST_ID_"), rs.getString("KEY_"), rs.getString("PROC_NAME_"),
                            rs.getString("START_USER_ID_"), rs.getString("ASSIGNEE_"),
                            instant(rs.getTimestamp("CREATE_TIME_")), due, due != null && due.isBefore(now),
                            rs.getInt("FAILED_") == 1);
                },
                Timestamp.from(now));
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
