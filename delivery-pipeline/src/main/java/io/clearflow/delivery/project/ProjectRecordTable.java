package io.clearflow.delivery.project;

import static io.clearflow.delivery.jdbc.StateRows.utc;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;

/**
 * The shape of a project's append-only record tables (decisions, realised value): a row is only ever added, with
 * the project first and who recorded it and when last, and a project's rows are read in one order. The repository
 * of each table keeps its own statements and row mapper; this holds the calls they share.
 */
final class ProjectRecordTable<T> {

    private final JdbcTemplate jdbc;
    private final String insert;
    private final String select;
    private final RowMapper<T> mapper;

    /**
     * @param insert placeholders: the project id, the {@code values} of {@link #add}, then who and when
     * @param select one placeholder, the project id
     */
    ProjectRecordTable(JdbcTemplate jdbc, String insert, String select, RowMapper<T> mapper) {
        this.jdbc = jdbc;
        this.insert = insert;
        this.select = select;
        this.mapper = mapper;
    }

    void add(long projectId, String by, Instant now, Object... values) {
        List<Object> args = new ArrayList<>(values.length + 3);
        args.add(projectId);
        args.addAll(Arrays.asList(values)); // nulls allowed: optional columns
        args.add(by);
        args.add(utc(now));
        jdbc.update(insert, args.toArray());
    }

    List<T> of(long projectId) {
        return jdbc.query(select, mapper, projectId);
    }
}
