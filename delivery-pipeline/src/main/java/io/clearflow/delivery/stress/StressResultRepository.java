package io.clearflow.delivery.stress;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.clearflow.delivery.jdbc.StateRows;
import io.clearflow.delivery.stress.results.LoadSummary;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** Every statement on {@code del_stress_result}; per-code and over-time figures are JSON for the charts. */
@Repository
class StressResultRepository {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final JdbcTemplate jdbc;
    private final NamedParameterJdbcTemplate named;

    StressResultRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
        this.named = new NamedParameterJdbcTemplate(jdbc);
    }

    long insert(long stressTestId, String fileName, Phase phase, LoadSummary s, String by, Instant now) {
        var keys = new GeneratedKeyHolder();
        named.update("INSERT INTO del_stress_result (stress_test_id, file_name, format, phase, samples, failed, "
                        + "throughput, p50_ms, p95_ms, p99_ms, error_rate, first_start_ms, last_end_ms, tool_figures, "
                        + "bucket_seconds, labels, timeline, uploaded_by, uploaded_at) VALUES (:test, :file, :format, "
                        + ":phase, :samples, :failed, :throughput, :p50, :p95, :p99, :errorRate, :first, :last, :tool, "
                        + ":bucket, :labels, :timeline, :by, :now)",
                new MapSqlParameterSource().addValue("test", stressTestId).addValue("file", fileName)
                        .addValue("format", s.format().name()).addValue("phase", phase.name())
                        .addValue("samples", s.samples()).addValue("failed", s.failed())
                        .addValue("throughput", s.throughput()).addValue("p50", s.p50Ms()).addValue("p95", s.p95Ms())
                        .addValue("p99", s.p99Ms()).addValue("errorRate", s.errorRate())
                        .addValue("first", s.firstStartMs()).addValue("last", s.lastEndMs())
                        .addValue("tool", String.join(",", s.toolFigures())).addValue("bucket", s.bucketSeconds())
                        .addValue("labels", json(s.labels())).addValue("timeline", json(s.timeline()))
                        .addValue("by", by).addValue("now", StateRows.utc(now)), keys, new String[] {"id"});
        return keys.getKey().longValue();
    }

    List<StressResult> of(long stressTestId) {
        return jdbc.query("SELECT * FROM del_stress_result WHERE stress_test_id = ? ORDER BY id",
                StressResultRepository::row, stressTestId);
    }

    boolean phase(long stressTestId, long resultId, Phase phase) {
        return jdbc.update("UPDATE del_stress_result SET phase = ? WHERE id = ? AND stress_test_id = ?", phase.name(),
                resultId, stressTestId) == 1;
    }

    private static StressResult row(ResultSet rs, int n) throws SQLException {
        String tool = rs.getString("tool_figures");
        return new StressResult(rs.getLong("id"), rs.getLong("stress_test_id"), rs.getString("file_name"),
                rs.getString("format"), Phase.valueOf(rs.getString("phase")), rs.getLong("samples"),
                rs.getLong("failed"), rs.getDouble("throughput"), (Double) nullable(rs, "p50_ms"), rs.getDouble("p95_ms"),
                (Double) nullable(rs, "p99_ms"), rs.getDouble("error_rate"), (Long) longOrNull(rs, "first_start_ms"),
                (Long) longOrNull(rs, "last_end_ms"), tool.isEmpty() ? List.of() : Arrays.asList(tool.split(",")),
                rs.getInt("bucket_seconds"), read(rs.getString("labels"), new TypeReference<>() { }),
                read(rs.getString("timeline"), new TypeReference<>() { }), rs.getString("uploaded_by"),
                StateRows.instant(rs, "uploaded_at"), bounds(rs.getString("phase_bounds")));
    }

    /** Boundaries set by hand (epoch millis), or null to use the detected ones. */
    boolean phaseBounds(long stressTestId, long resultId, long[] bounds) {
        String value = bounds == null ? null
                : String.join(",", Arrays.stream(bounds).mapToObj(Long::toString).toList());
        return jdbc.update("UPDATE del_stress_result SET phase_bounds = ? WHERE id = ? AND stress_test_id = ?", value,
                resultId, stressTestId) == 1;
    }

    private static List<Long> bounds(String value) {
        return value == null ? null : value.isEmpty() ? List.of()
                : Arrays.stream(value.split(",")).map(Long::valueOf).toList();
    }

    private static Object nullable(ResultSet rs, String column) throws SQLException {
        double v = rs.getDouble(column);
        return rs.wasNull() ? null : v;
    }

    private static Object longOrNull(ResultSet rs, String column) throws SQLException {
        long v = rs.getLong(column);
        return rs.wasNull() ? null : v;
    }

    private static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static <T> T read(String json, TypeReference<T> type) {
        try {
            return JSON.readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored chart data unreadable", e);
        }
    }
}
