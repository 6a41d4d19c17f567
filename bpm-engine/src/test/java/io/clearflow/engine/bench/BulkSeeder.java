package io.clearflow.engine.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Copies the engine rows of real template instances many times over in bulk SQL (PostgreSQL's
 * {@code generate_series}), for benchmarks that need large histories fast: the engine itself runs
 * about 40 instances/s on PostgreSQL, so 110,000 instances would take most of an hour.
 *
 * <p>Every row of a template is copied column by column as the database describes the table (so
 * the copy follows Flowable's schema, whatever columns a version adds): a text value that is one of
 * the template's own ids gets a suffix unique to the copy, which keeps the copy's rows pointing at
 * each other (task → execution → process instance, links → task); timestamps move back in time by
 * the copy number so copies spread out; a few columns get explicit values (initiator, times,
 * outcome). Process definitions, users and groups are shared with the template, as they would be.
 */
final class BulkSeeder {

    /** A running instance waiting in a department's inbox, started by {@code initiator}. */
    record OpenTemplate(String caseId, String initiator, String department) { }

    /** Tables holding a running instance's rows, in foreign-key order. */
    static final List<String> OPEN_TABLES = List.of("act_ru_execution", "act_ru_task", "act_ru_identitylink",
            "act_ru_variable", "act_ru_actinst", "act_hi_procinst", "act_hi_taskinst", "act_hi_actinst",
            "act_hi_identitylink", "act_hi_varinst");

    static final String USERS = "(ARRAY['zhangsan','lisi','wangwu','zhaoliu','sunqi'])[g % 5 + 1]";

    private final JdbcTemplate jdbc;

    BulkSeeder(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * {@code count} ended instances in ACT_HI_PROCINST, one every 5 minutes back from 4 days ago
     * (100,000 cover about a year), initiators in turn from five users of four departments,
     * durations of 1 to 97 hours, every tenth withdrawn.
     */
    void historic(String templateCase, int count) {
        String start = "(localtimestamp - interval '4 days' - g * interval '5 minutes')";
        Map<String, String> overrides = new LinkedHashMap<>();
        overrides.put("start_time_", start);
        overrides.put("end_time_", start + " + ((g % 97) + 1) * interval '1 hour'");
        overrides.put("duration_", "((g % 97) + 1) * 3600000");
        overrides.put("start_user_id_", USERS);
        overrides.put("delete_reason_", "CASE WHEN g % 10 = 0 THEN 'withdrawn: bench' ELSE NULL END");
        overrides.put("business_key_", "'APR-H' || g");
        Set<String> ids = ids("act_hi_procinst", templateCase);
        ids.add(templateCase);
        copy("act_hi_procinst", "t0.proc_inst_id_ = '" + templateCase + "'", ids, "h", count, overrides, null);
    }

    /** {@code count} open instances spread over the templates, each with its task in a department's inbox. */
    void open(List<OpenTemplate> templates, int count) {
        for (int k = 0; k < templates.size(); k++) {
            String caseId = templates.get(k).caseId();
            int copies = count / templates.size() + (k < count % templates.size() ? 1 : 0);
            Set<String> ids = new LinkedHashSet<>();
            ids.add(caseId);
            for (String table : OPEN_TABLES) {
                if (exists(table)) {
                    ids.addAll(ids(table, caseId));
                }
            }
            // arrivals spread over the last days, 30 s apart per template
            String shift = "g * interval '30 seconds'";
            for (String table : OPEN_TABLES) {
                if (exists(table)) {
                    copy(table, where(table, caseId), ids, "o" + k, copies, Map.of(), shift);
                }
            }
        }
    }

    void analyze() {
        jdbc.execute("ANALYZE");
    }

    private boolean exists(String table) {
        return Boolean.TRUE.equals(jdbc.queryForObject(
                "SELECT COUNT(*) > 0 FROM information_schema.tables WHERE table_name = ?", Boolean.class, table));
    }

    private String where(String table, String caseId) {
        String base = "t0.proc_inst_id_ = '" + caseId + "'";
        if (table.endsWith("identitylink")) {
            String tasks = table.startsWith("act_ru") ? "act_ru_task" : "act_hi_taskinst";
            return "(" + base + " OR t0.task_id_ IN (SELECT id_ FROM " + tasks + " WHERE proc_inst_id_ = '" + caseId + "'))";
        }
        return base;
    }

    private Set<String> ids(String table, String caseId) {
        return new LinkedHashSet<>(jdbc.queryForList("SELECT t0.id_ FROM " + table + " t0 WHERE " + where(table, caseId),
                String.class));
    }

    private void copy(String table, String where, Set<String> ids, String tag, int count, Map<String, String> overrides,
                      String timeShift) {
        if (count <= 0) {
            return;
        }
        List<Map<String, Object>> columns = jdbc.queryForList("SELECT column_name, data_type FROM information_schema.columns"
                + " WHERE table_name = ? ORDER BY ordinal_position", table);
        String idList = ids.stream().map(id -> "'" + id.replace("'", "''") + "'").collect(Collectors.joining(","));
        List<String> names = new ArrayList<>();
        List<String> values = new ArrayList<>();
        for (Map<String, Object> column : columns) {
            String name = (String) column.get("column_name");
            String type = (String) column.get("data_type");
            names.add(name);
            if (overrides.containsKey(name)) {
                values.add(overrides.get(name));
            } else if (type.startsWith("character") || type.equals("text")) {
                values.add("CASE WHEN t0." + name + " IN (" + idList + ") THEN t0." + name + " || '-" + tag + "-' || g"
                        + " ELSE t0." + name + " END");
            } else if (timeShift != null && type.startsWith("timestamp")) {
                values.add("t0." + name + " - " + timeShift);
            } else {
                values.add("t0." + name);
            }
        }
        int rows = jdbc.update("INSERT INTO " + table + " (" + String.join(", ", names) + ") SELECT "
                + String.join(", ", values) + " FROM " + table + " t0 CROSS JOIN generate_series(1, " + count + ") AS g"
                + " WHERE " + where);
        System.out.printf("  %-22s +%,d rows%n", table, rows);
    }
}
