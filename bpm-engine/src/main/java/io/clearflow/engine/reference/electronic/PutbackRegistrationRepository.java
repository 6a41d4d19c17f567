package io.clearflow.engine.reference.electronic;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** Every statement on {@code cf_putback_registration}. */
@Repository
class PutbackRegistrationRepository {

    /** A registration's checked fields as they are stored. */
    record NewRegistration(String issuerName, String securityCode, String securityName, BigDecimal putbackPrice,
                           LocalDate registrationStart, LocalDate registrationEnd, LocalDate paymentDate,
                           String contactName, String contactPhone, String remarks, String submittedBy,
                           String submitterDepartment) { }

    private final JdbcTemplate jdbc;

    PutbackRegistrationRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Stored in review; its id. */
    long insert(NewRegistration r, Instant at) {
        var keys = new GeneratedKeyHolder();
        jdbc.update(connection -> {
            var ps = connection.prepareStatement("INSERT INTO cf_putback_registration (issuer_name, security_code, "
                    + "security_name, putback_price, registration_start, registration_end, payment_date, contact_name, "
                    + "contact_phone, remarks, submitted_by, submitter_department, status, created_at, updated_at) "
                    + "VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)", new String[] {"id"});
            ps.setString(1, r.issuerName());
            ps.setString(2, r.securityCode());
            ps.setString(3, r.securityName());
            ps.setBigDecimal(4, r.putbackPrice());
            ps.setDate(5, Date.valueOf(r.registrationStart()));
            ps.setDate(6, Date.valueOf(r.registrationEnd()));
            ps.setDate(7, Date.valueOf(r.paymentDate()));
            ps.setString(8, r.contactName());
            ps.setString(9, r.contactPhone());
            ps.setString(10, r.remarks());
            ps.setString(11, r.submittedBy());
            ps.setString(12, r.submitterDepartment());
            ps.setString(13, PutbackRegistration.Status.IN_REVIEW.name());
            ps.setTimestamp(14, Timestamp.from(at));
            ps.setTimestamp(15, Timestamp.from(at));
            return ps;
        }, keys);
        return keys.getKey().longValue();
    }

    void setCase(long id, String caseId) {
        jdbc.update("UPDATE cf_putback_registration SET process_instance_id = ? WHERE id = ?", caseId, id);
    }

    void setStatus(long id, PutbackRegistration.Status status, Instant at) {
        jdbc.update("UPDATE cf_putback_registration SET status = ?, updated_at = ? WHERE id = ?", status.name(),
                Timestamp.from(at), id);
    }

    Optional<PutbackRegistration> find(long id) {
        return jdbc.query("SELECT * FROM cf_putback_registration WHERE id = ?", PutbackRegistrationRepository::map, id)
                .stream().findFirst();
    }

    Optional<PutbackRegistration> forCase(String caseId) {
        return jdbc.query("SELECT * FROM cf_putback_registration WHERE process_instance_id = ?",
                PutbackRegistrationRepository::map, caseId).stream().findFirst();
    }

    private static PutbackRegistration map(ResultSet rs, int row) throws SQLException {
        return new PutbackRegistration(rs.getLong("id"), rs.getString("process_instance_id"), rs.getString("issuer_name"),
                rs.getString("security_code"), rs.getString("security_name"), rs.getBigDecimal("putback_price"),
                rs.getDate("registration_start").toLocalDate(), rs.getDate("registration_end").toLocalDate(),
                rs.getDate("payment_date").toLocalDate(), rs.getString("contact_name"), rs.getString("contact_phone"),
                rs.getString("remarks"), rs.getString("submitted_by"), rs.getString("submitter_department"),
                PutbackRegistration.Status.valueOf(rs.getString("status")), rs.getTimestamp("created_at").toInstant());
    }
}
