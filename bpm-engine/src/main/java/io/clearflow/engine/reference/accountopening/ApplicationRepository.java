package io.clearflow.engine.reference.accountopening;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/**
 * Every statement on {@code ao_application}. An application is read with the number of the account
 * opened for it, if any ({@code ao_account} is written by {@link AccountRepository}).
 */
@Repository
class ApplicationRepository {

    private static final String SELECT = "SELECT a.*, c.account_no FROM ao_application a "
            + "LEFT JOIN ao_account c ON c.application_id = a.id";

    /** What an applicant submitted, checked. */
    record NewApplication(String applicant, String department, String name, String idNumber, String phone,
                          String address, String imageType, int imageWidth, int imageHeight, byte[] image) { }

    private final JdbcTemplate jdbc;

    ApplicationRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Stored as submitted; its id. */
    long insert(NewApplication a, Instant at) {
        var keys = new GeneratedKeyHolder();
        jdbc.update(connection -> {
            var ps = connection.prepareStatement("INSERT INTO ao_application (applicant, department, investor_name, id_number,"
                    + " phone, address, image_type, image_width, image_height, id_image, status, created_at)"
                    + " VALUES (?,?,?,?,?,?,?,?,?,?,?,?)", new String[] {"id"});
            ps.setString(1, a.applicant());
            ps.setString(2, a.department());
            ps.setString(3, a.name());
            ps.setString(4, a.idNumber());
            ps.setString(5, a.phone());
            ps.setString(6, a.address());
            ps.setString(7, a.imageType());
            ps.setInt(8, a.imageWidth());
            ps.setInt(9, a.imageHeight());
            ps.setBytes(10, a.image());
            ps.setString(11, "submitted");
            ps.setTimestamp(12, Timestamp.from(at));
            return ps;
        }, keys);
        return keys.getKey().longValue();
    }

    void setCase(long id, String caseId) {
        jdbc.update("UPDATE ao_application SET case_id = ? WHERE id = ?", caseId, id);
    }

    Optional<AccountApplication> find(long id) {
        return jdbc.query(SELECT + " WHERE a.id = ?", ApplicationRepository::map, id).stream().findFirst();
    }

    Optional<AccountApplication> forCase(String caseId) {
        return jdbc.query(SELECT + " WHERE a.case_id = ?", ApplicationRepository::map, caseId).stream().findFirst();
    }

    Optional<byte[]> image(long id) {
        return jdbc.query("SELECT id_image FROM ao_application WHERE id = ?", (rs, i) -> rs.getBytes(1), id).stream()
                .findFirst();
    }

    /** The bot's check; a submitted application becomes checked, a later state stays. */
    void checked(long id, boolean passed, List<String> findings, String ocrName, String ocrIdNumber, Instant at) {
        jdbc.update("UPDATE ao_application SET check_passed = ?, findings = ?, ocr_name = ?, ocr_id_number = ?, checked_at = ?,"
                        + " status = CASE WHEN status = 'submitted' THEN 'checked' ELSE status END WHERE id = ?",
                passed, String.join("\n", findings), ocrName, ocrIdNumber, Timestamp.from(at), id);
    }

    void decided(long id, String by, String status, Instant at) {
        jdbc.update("UPDATE ao_application SET decided_by = ?, decided_at = ?, status = ? WHERE id = ?", by,
                Timestamp.from(at), status, id);
    }

    void opened(long id) {
        jdbc.update("UPDATE ao_application SET status = 'opened' WHERE id = ?", id);
    }

    private static AccountApplication map(ResultSet rs, int row) throws SQLException {
        String findings = rs.getString("findings");
        boolean checked = rs.getObject("check_passed") != null;
        return new AccountApplication(rs.getLong("id"), rs.getString("case_id"), rs.getString("applicant"),
                rs.getString("department"), rs.getString("investor_name"), rs.getString("id_number"), rs.getString("phone"),
                rs.getString("address"), rs.getString("image_type"), rs.getInt("image_width"), rs.getInt("image_height"),
                rs.getString("status"), checked ? rs.getBoolean("check_passed") : null,
                findings == null || findings.isEmpty() ? List.of() : Arrays.asList(findings.split("\n")),
                rs.getString("ocr_name"), rs.getString("ocr_id_number"), instant(rs.getTimestamp("checked_at")),
                rs.getString("decided_by"), instant(rs.getTimestamp("decided_at")), instant(rs.getTimestamp("created_at")),
                rs.getString("account_no"));
    }

    private static Instant instant(Timestamp ts) {
        return ts == null ? null : ts.toInstant();
    }
}
