package io.clearflow.engine.reference.selfservice;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** Every statement on {@code cf_declaration}; declarations come back without their status label. */
@Repository
class DeclarationRepository {

    /** A declaration's checked fields as they are stored. */
    record NewDeclaration(String declarant, String department, String kind, String securityCode, long quantity,
                          BigDecimal amount, LocalDate declareDate, String contactName, String contactPhone) { }

    private final JdbcTemplate jdbc;

    DeclarationRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Stored with status ACCEPTED; its id. */
    long insert(NewDeclaration d, Instant at) {
        var now = Timestamp.from(at);
        var keys = new GeneratedKeyHolder();
        jdbc.update(connection -> {
            var ps = connection.prepareStatement("INSERT INTO cf_declaration (declarant, declarant_department, kind, "
                    + "security_code, quantity, amount, declare_date, contact_name, contact_phone, status, created_at, "
                    + "updated_at) VALUES (?,?,?,?,?,?,?,?,?,?,?,?)", new String[] {"id"});
            ps.setString(1, d.declarant());
            ps.setString(2, d.department());
            ps.setString(3, d.kind());
            ps.setString(4, d.securityCode());
            ps.setLong(5, d.quantity());
            ps.setBigDecimal(6, d.amount());
            ps.setDate(7, Date.valueOf(d.declareDate()));
            ps.setString(8, d.contactName());
            ps.setString(9, d.contactPhone());
            ps.setString(10, Declaration.Status.ACCEPTED.name());
            ps.setTimestamp(11, now);
            ps.setTimestamp(12, now);
            return ps;
        }, keys);
        return keys.getKey().longValue();
    }

    void setCase(long id, String caseId) {
        jdbc.update("UPDATE cf_declaration SET process_instance_id = ? WHERE id = ?", caseId, id);
    }

    /** The automatic check's outcome, with the reasons a person must look at it. */
    void checked(long id, Declaration.Status status, List<DeclarationRules.Reason> reasons, Instant at) {
        jdbc.update("UPDATE cf_declaration SET status = ?, status_reason = ?, updated_at = ? WHERE id = ?",
                status.name(), String.join(",", reasons.stream().map(Enum::name).toList()), Timestamp.from(at), id);
    }

    void decided(long id, boolean approved, String comment, String by, Instant at) {
        jdbc.update("UPDATE cf_declaration SET status = ?, review_comment = ?, handled_by = ?, updated_at = ? WHERE id = ?",
                (approved ? Declaration.Status.APPROVED : Declaration.Status.REJECTED).name(), comment, by,
                Timestamp.from(at), id);
    }

    void withdrawn(String caseId, Instant at) {
        jdbc.update("UPDATE cf_declaration SET status = ?, updated_at = ? WHERE process_instance_id = ?",
                Declaration.Status.WITHDRAWN.name(), Timestamp.from(at), caseId);
    }

    /** Newest first; {@code declarant == null} for everyone's. */
    List<Declaration> page(String declarant, int page, int size) {
        String paging = " ORDER BY id DESC OFFSET " + (page * size) + " ROWS FETCH NEXT " + size + " ROWS ONLY";
        if (declarant == null) {
            return jdbc.query("SELECT * FROM cf_declaration" + paging, DeclarationRepository::map);
        }
        return jdbc.query("SELECT * FROM cf_declaration WHERE declarant = ?" + paging, DeclarationRepository::map, declarant);
    }

    Optional<Declaration> find(long id) {
        return jdbc.query("SELECT * FROM cf_declaration WHERE id = ?", DeclarationRepository::map, id).stream().findFirst();
    }

    Optional<Declaration> forCase(String caseId) {
        return jdbc.query("SELECT * FROM cf_declaration WHERE process_instance_id = ?", DeclarationRepository::map, caseId)
                .stream().findFirst();
    }

    private static Declaration map(ResultSet rs, int row) throws SQLException {
        Declaration.Status status = Declaration.Status.valueOf(rs.getString("status"));
        String reasons = rs.getString("status_reason");
        return new Declaration(rs.getLong("id"), rs.getString("process_instance_id"), rs.getString("declarant"),
                rs.getString("kind"), rs.getString("security_code"), rs.getLong("quantity"), rs.getBigDecimal("amount"),
                rs.getDate("declare_date").toLocalDate(), rs.getString("contact_name"), rs.getString("contact_phone"),
                status, null, reasons == null || reasons.isBlank() ? List.of() : Arrays.asList(reasons.split(",")),
                rs.getString("review_comment"), rs.getString("handled_by"), rs.getTimestamp("created_at").toInstant(),
                rs.getTimestamp("updated_at").toInstant());
    }
}
