package io.clearflow.engine.reference.reconciliation;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/**
 * Every statement on {@code cf_recon_document}. A document is read with the number of its corrections (counted in
 * {@code cf_recon_correction}, so a list needs no second query) and with the bot's stored result JSON unpacked.
 */
@Repository
class ReconciliationDocumentRepository {

    static final String CONFIRMED = "CONFIRMED";
    static final String CORRECTED = "CORRECTED";

    /** A checked submission as it is stored; {@code resultJson} is the bot's result exactly as it arrived. */
    record NewDocument(String contentHash, String fileName, String type, String recordKey, String status,
                       byte[] resultJson, byte[] imagePng, String submittedBy, Instant submittedAt) { }

    private static final String SELECT = "SELECT d.id, d.content_hash, d.file_name, d.doc_type, d.record_key, d.status, "
            + "d.result_json, CASE WHEN d.image_png IS NULL THEN 0 ELSE 1 END AS has_image, d.submitted_by, "
            + "d.submitted_at, d.process_instance_id, d.outcome, d.confirmed_by, d.confirmed_at, d.confirmed_json, "
            + "(SELECT COUNT(*) FROM cf_recon_correction c WHERE c.document_id = d.id) AS corrections "
            + "FROM cf_recon_document d ";

    private final JdbcTemplate jdbc;
    private final ObjectMapper json;

    ReconciliationDocumentRepository(JdbcTemplate jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /**
     * Its id.
     *
     * @throws org.springframework.dao.DuplicateKeyException when a document with the same content hash exists
     */
    long insert(NewDocument d) {
        var keys = new GeneratedKeyHolder();
        jdbc.update(c -> {
            var ps = c.prepareStatement("INSERT INTO cf_recon_document (content_hash, file_name, doc_type, record_key, status, "
                    + "result_json, image_png, submitted_by, submitted_at) VALUES (?,?,?,?,?,?,?,?,?)", new String[] {"id"});
            ps.setString(1, d.contentHash());
            ps.setString(2, d.fileName());
            ps.setString(3, d.type());
            ps.setString(4, d.recordKey());
            ps.setString(5, d.status());
            ps.setString(6, new String(d.resultJson(), StandardCharsets.UTF_8));
            ps.setBytes(7, d.imagePng());
            ps.setString(8, d.submittedBy());
            ps.setTimestamp(9, Timestamp.from(d.submittedAt()));
            return ps;
        }, keys);
        return keys.getKey().longValue();
    }

    void setCase(long id, String caseId) {
        jdbc.update("UPDATE cf_recon_document SET process_instance_id = ? WHERE id = ?", caseId, id);
    }

    boolean existsWithHash(String contentHash) {
        Integer n = jdbc.queryForObject("SELECT COUNT(*) FROM cf_recon_document WHERE content_hash = ?", Integer.class,
                contentHash);
        return n != null && n > 0;
    }

    Optional<ReconciliationDocument> find(long id) {
        return jdbc.query(SELECT + "WHERE d.id = ?", this::map, id).stream().findFirst();
    }

    Optional<ReconciliationDocument> forCase(String caseId) {
        return jdbc.query(SELECT + "WHERE d.process_instance_id = ?", this::map, caseId).stream().findFirst();
    }

    /** The newest first. */
    List<ReconciliationDocument> recent(int limit) {
        return jdbc.query(SELECT + "ORDER BY d.id DESC LIMIT " + limit, this::map);
    }

    /** The first page's PNG, or empty when the document or its image is missing. */
    Optional<byte[]> image(long id) {
        List<byte[]> found = jdbc.query("SELECT image_png FROM cf_recon_document WHERE id = ?", (rs, i) -> rs.getBytes(1), id);
        return found.isEmpty() ? Optional.empty() : Optional.ofNullable(found.get(0));
    }

    /** Documents per status, in the order of the statuses. */
    Map<String, Long> countByStatus() {
        Map<String, Long> byStatus = new LinkedHashMap<>();
        jdbc.query("SELECT status, COUNT(*) FROM cf_recon_document GROUP BY status ORDER BY status",
                rs -> {
                    byStatus.put(rs.getString(1), rs.getLong(2));
                });
        return byStatus;
    }

    long countConfirmed() {
        return count("SELECT COUNT(*) FROM cf_recon_document WHERE outcome IS NOT NULL");
    }

    long countCorrected() {
        return count("SELECT COUNT(*) FROM cf_recon_document WHERE outcome = '" + CORRECTED + "'");
    }

    /**
     * Records the outcome ({@link #CONFIRMED} or {@link #CORRECTED}) and the confirmed values of a document not yet
     * confirmed; false when another confirmation came first.
     */
    boolean confirm(long id, String outcome, String confirmedBy, Instant at, Map<String, String> confirmedFields) {
        String confirmedJson;
        try {
            confirmedJson = json.writeValueAsString(confirmedFields);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return jdbc.update("UPDATE cf_recon_document SET outcome = ?, confirmed_by = ?, confirmed_at = ?, confirmed_json = ? "
                + "WHERE id = ? AND outcome IS NULL", outcome, confirmedBy, Timestamp.from(at), confirmedJson, id) > 0;
    }

    private long count(String sql) {
        Long n = jdbc.queryForObject(sql, Long.class);
        return n == null ? 0 : n;
    }

    private ReconciliationDocument map(ResultSet rs, int row) throws SQLException {
        try {
            JsonNode r = json.readTree(rs.getString("result_json"));
            JsonNode e = r.path("extraction");
            Map<String, String> fields = e.has("fields") ? json.convertValue(e.get("fields"), new TypeReference<>() { })
                    : new LinkedHashMap<>();
            List<Map<String, String>> transactions = e.has("transactions")
                    ? json.convertValue(e.get("transactions"), new TypeReference<>() { }) : List.of();
            Map<String, Double> confidence = e.has("confidence")
                    ? json.convertValue(e.get("confidence"), new TypeReference<>() { }) : Map.of();
            List<String> low = e.has("lowConfidence") ? json.convertValue(e.get("lowConfidence"), new TypeReference<>() { })
                    : List.of();
            List<String> warnings = e.has("warnings") ? json.convertValue(e.get("warnings"), new TypeReference<>() { })
                    : List.of();
            List<ReconciliationDocument.Mismatch> mismatches = r.has("mismatches")
                    ? json.convertValue(r.get("mismatches"), new TypeReference<>() { }) : List.of();
            String confirmedJson = rs.getString("confirmed_json");
            Map<String, String> confirmed = confirmedJson == null ? null : json.readValue(confirmedJson, new TypeReference<>() { });
            Timestamp confirmedAt = rs.getTimestamp("confirmed_at");
            return new ReconciliationDocument(rs.getLong("id"), rs.getString("content_hash"), rs.getString("file_name"),
                    rs.getString("doc_type"), e.path("typeName").isTextual() ? e.path("typeName").asText() : null,
                    rs.getString("record_key"), rs.getString("status"), fields, transactions, confidence, low,
                    mismatches, warnings, r.path("rejection").isTextual() ? r.path("rejection").asText() : null,
                    rs.getInt("has_image") == 1, rs.getString("submitted_by"), rs.getTimestamp("submitted_at").toInstant(),
                    rs.getString("process_instance_id"), rs.getString("outcome"), rs.getString("confirmed_by"),
                    confirmedAt == null ? null : confirmedAt.toInstant(), confirmed, rs.getInt("corrections"));
        } catch (IOException ex) {
            throw new IllegalStateException("stored reconciliation result is not JSON", ex);
        }
    }
}
