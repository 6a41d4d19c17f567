package io.clearflow.engine.governance.catalog;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.clearflow.engine.governance.ValidationReport;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/**
 * Every statement on {@code gov_design}: the scenario's models with their validation report, stored
 * as JSON. Statuses: {@code current} (at most one per scenario), {@code offered}, {@code replaced}.
 */
@Repository("governanceDesignRepository") // qualified: other modules have repositories of common names
class DesignRepository {

    private final JdbcTemplate jdbc;
    private final ObjectMapper json;

    DesignRepository(JdbcTemplate jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    Optional<Design> current(String scenarioId) {
        return jdbc.query("SELECT * FROM gov_design WHERE scenario_id = ? AND status = 'current'", this::map, scenarioId)
                .stream().findFirst();
    }

    /** Newest first. */
    List<Design> offered(String scenarioId) {
        return jdbc.query("SELECT * FROM gov_design WHERE scenario_id = ? AND status = 'offered' ORDER BY id DESC",
                this::map, scenarioId);
    }

    Optional<Design> find(long id) {
        return jdbc.query("SELECT * FROM gov_design WHERE id = ?", this::map, id).stream().findFirst();
    }

    Optional<byte[]> bpmn(long id) {
        return jdbc.query("SELECT bpmn FROM gov_design WHERE id = ?", (rs, i) -> rs.getBytes(1), id).stream().findFirst();
    }

    long insert(String scenarioId, String fileName, byte[] bpmn, String origin, String status, ValidationReport report,
                String by, Instant at) {
        var keys = new GeneratedKeyHolder();
        String reportText = write(report);
        jdbc.update(connection -> {
            var ps = connection.prepareStatement("INSERT INTO gov_design (scenario_id, file_name, bpmn, origin, status, valid, "
                    + "report, created_by, created_at) VALUES (?,?,?,?,?,?,?,?,?)", new String[] {"id"});
            ps.setString(1, scenarioId);
            ps.setString(2, fileName);
            ps.setBytes(3, bpmn);
            ps.setString(4, origin);
            ps.setString(5, status);
            ps.setBoolean(6, report.valid());
            ps.setString(7, reportText);
            ps.setString(8, by);
            ps.setTimestamp(9, Timestamp.from(at));
            return ps;
        }, keys);
        return keys.getKey().longValue();
    }

    /** The scenario's current design, if any, becomes replaced: a new one is about to take its place. */
    void replaceCurrent(String scenarioId) {
        jdbc.update("UPDATE gov_design SET status = 'replaced' WHERE scenario_id = ? AND status = 'current'", scenarioId);
    }

    void makeCurrent(long id, ValidationReport report) {
        jdbc.update("UPDATE gov_design SET status = 'current', valid = ?, report = ? WHERE id = ?",
                report.valid(), write(report), id);
    }

    void setReport(long id, ValidationReport report) {
        jdbc.update("UPDATE gov_design SET valid = ?, report = ? WHERE id = ?", report.valid(), write(report), id);
    }

    private Design map(ResultSet rs, int row) throws SQLException {
        return new Design(rs.getLong("id"), rs.getString("scenario_id"), rs.getString("file_name"), rs.getString("origin"),
                rs.getString("status"), rs.getBoolean("valid"), read(rs.getString("report")), rs.getString("created_by"),
                ScenarioRepository.instant(rs.getTimestamp("created_at")));
    }

    String write(ValidationReport report) {
        try {
            String text = json.writeValueAsString(report);
            if (text.length() > 20000) {
                // a file with thousands of findings: keep the first ones, the count says the rest
                List<ValidationReport.Finding> errors = report.errors().stream().limit(50).toList();
                List<ValidationReport.Finding> warnings = report.warnings().stream().limit(20).toList();
                text = json.writeValueAsString(new ValidationReport(report.valid(), errors, warnings,
                        report.processKey(), report.processName()));
            }
            return text;
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private ValidationReport read(String text) {
        if (text == null) {
            return null;
        }
        try {
            return json.readValue(text, ValidationReport.class);
        } catch (JsonProcessingException e) {
            return null;
        }
    }
}
