package io.clearflow.engine.monitor;

import java.util.List;
import org.flowable.engine.ProcessEngine;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Indexes the monitoring queries need on Flowable's tables, which Flowable does not create:
 * instances are listed by start time (all, running, per initiator, per process definition), open
 * tasks by creation time (the inbox's order). They are made once
 * the engine has created or upgraded its own tables (a Flyway migration of this module could run
 * before that), with {@code IF NOT EXISTS}, so every start after the first does nothing; the names
 * start with {@code cf_mon_} so they never clash with Flowable's own.
 *
 * <p>This class is the schema class of those indexes and keeps its own {@code JdbcTemplate}: it runs DDL
 * only, once at start, and reads or writes no row, so a repository of Flowable's tables would hold nothing
 * else and split the index list from the moment it must run.
 */
@Component
class MonitorIndexes implements SmartInitializingSingleton {

    private static final Logger log = LoggerFactory.getLogger(MonitorIndexes.class);

    static final List<String> INDEXES = List.of(
            "CREATE INDEX IF NOT EXISTS cf_mon_hi_proc_start ON ACT_HI_PROCINST (START_TIME_)",
            "CREATE INDEX IF NOT EXISTS cf_mon_hi_proc_user_start ON ACT_HI_PROCINST (START_USER_ID_, START_TIME_)",
            "CREATE INDEX IF NOT EXISTS cf_mon_hi_proc_def_start ON ACT_HI_PROCINST (PROC_DEF_ID_, START_TIME_)",
            // running instances by start time: the few unended rows without walking the ended ones
            "CREATE INDEX IF NOT EXISTS cf_mon_hi_proc_end_start ON ACT_HI_PROCINST (END_TIME_, START_TIME_)",
            // inboxes and exception tasks list open tasks newest or oldest first
            "CREATE INDEX IF NOT EXISTS cf_mon_ru_task_create ON ACT_RU_TASK (CREATE_TIME_)");

    private final JdbcTemplate jdbc;

    MonitorIndexes(JdbcTemplate jdbc, ProcessEngine engine) { // the engine: its tables exist by now
        this.jdbc = jdbc;
    }

    /**
     * PostgreSQL only (H2 has no partial indexes): running instances oldest first. The running few
     * are the newest rows, so walking the start-time index from the oldest end passes every ended
     * instance first; the planner cannot see that correlation, this index avoids the walk.
     */
    static final String RUNNING_BY_START = "CREATE INDEX IF NOT EXISTS cf_mon_hi_proc_running_start"
            + " ON ACT_HI_PROCINST (START_TIME_) WHERE END_TIME_ IS NULL";

    @Override
    public void afterSingletonsInstantiated() {
        INDEXES.forEach(jdbc::execute);
        String database = jdbc.execute((java.sql.Connection c) -> c.getMetaData().getDatabaseProductName());
        if ("PostgreSQL".equals(database)) {
            jdbc.execute(RUNNING_BY_START);
        }
        log.debug("Monitoring indexes on ACT_HI_PROCINST in place");
    }
}
