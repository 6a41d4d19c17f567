package io.clearflow.engine.reference.reconciliation;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.clearflow.engine.api.ConflictException;
import io.clearflow.engine.api.InvalidRequestException;
import io.clearflow.engine.api.Member;
import io.clearflow.engine.api.NotFoundException;
import io.clearflow.engine.api.PlatformRole;
import io.clearflow.engine.work.CaseView;
import io.clearflow.engine.work.TaskView;
import io.clearflow.engine.work.WorkService;
import java.io.IOException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Platform side of the reconciliation bot: stores what the bot submits and opens the confirmation case in
 * 清算交收部, answers the bot's duplicate and record look-ups, and records a person's confirmation with every
 * correction kept and counted. The submission and its case start in one transaction.
 */
@Service
public class ReconciliationConfirmationService {

    public static final String PROCESS_KEY = "reconciliationConfirmation";
    public static final String DEPARTMENT = "dept-clearing";
    static final Set<String> STATUSES = Set.of("REJECTED", "UNCLASSIFIED", "LOW_CONFIDENCE", "TOTALS_ERROR", "NO_RECORD",
            "MISMATCHED", "MATCHED");
    static final int MAX_IMAGE_BYTES = 8 * 1024 * 1024;
    static final int MAX_VALUE = 500;
    private static final Pattern HASH = Pattern.compile("[0-9a-f]{64}");

    private final JdbcTemplate jdbc;
    private final WorkService work;
    private final ObjectMapper json;
    private final Clock clock;

    public ReconciliationConfirmationService(JdbcTemplate jdbc, WorkService work, ObjectMapper json, Clock clock) {
        this.jdbc = jdbc;
        this.work = work;
        this.json = json;
        this.clock = clock;
    }

    public record Submitted(long id, String caseId, String status) { }

    // ---- the bot's calls ----

    @Transactional
    public Submitted submit(Member bot, byte[] resultJson, byte[] imagePng) {
        requireBot(bot);
        JsonNode result;
        try {
            result = json.readTree(resultJson);
        } catch (IOException | RuntimeException e) {
            throw new InvalidRequestException("the result is not JSON", Map.of("result", "not JSON"));
        }
        Map<String, String> errors = new LinkedHashMap<>();
        String hash = result.path("contentHash").asText("");
        String fileName = result.path("fileName").asText("").strip();
        String status = result.path("status").asText("");
        String type = result.path("extraction").path("type").asText("unclassified");
        if (!HASH.matcher(hash).matches()) {
            errors.put("contentHash", "a SHA-256 in lower-case hex");
        }
        if (fileName.isEmpty() || fileName.length() > 255) {
            errors.put("fileName", "required, at most 255 characters");
        }
        if (!STATUSES.contains(status)) {
            errors.put("status", "one of " + STATUSES);
        }
        if (type.length() > 64) {
            errors.put("extraction.type", "at most 64 characters");
        }
        if (imagePng != null && (imagePng.length > MAX_IMAGE_BYTES || !isPng(imagePng))) {
            errors.put("image", "a PNG of at most 8 MB");
        }
        if (!errors.isEmpty()) {
            throw new InvalidRequestException("the reconciliation result is incomplete", errors);
        }
        if (exists(bot, hash)) {
            throw new ConflictException("a document with this content has already been submitted");
        }
        String key = result.path("recordKey").isTextual() ? truncate(result.path("recordKey").asText(), 255) : null;
        Instant now = clock.instant();
        var keys = new GeneratedKeyHolder();
        try {
            jdbc.update(c -> {
                var ps = c.prepareStatement("INSERT INTO cf_recon_document (content_hash, file_name, doc_type, record_key, status, "
                        + "result_json, image_png, submitted_by, submitted_at) VALUES (?,?,?,?,?,?,?,?,?)", new String[] {"id"});
                ps.setString(1, hash);
                ps.setString(2, fileName);
                ps.setString(3, type);
                ps.setString(4, key);
                ps.setString(5, status);
                ps.setString(6, new String(resultJson, java.nio.charset.StandardCharsets.UTF_8));
                ps.setBytes(7, imagePng);
                ps.setString(8, bot.userId());
                ps.setTimestamp(9, Timestamp.from(now));
                return ps;
            }, keys);
        } catch (DuplicateKeyException e) {
            throw new ConflictException("a document with this content has already been submitted");
        }
        long id = keys.getKey().longValue();
        CaseView started = work.start(bot, PROCESS_KEY, "REC-" + id, Map.of("documentId", id, "status", status));
        jdbc.update("UPDATE cf_recon_document SET process_instance_id = ? WHERE id = ?", started.id(), id);
        return new Submitted(id, started.id(), status);
    }

    @Transactional(readOnly = true)
    public boolean exists(Member bot, String contentHash) {
        requireBot(bot);
        Integer n = jdbc.queryForObject("SELECT COUNT(*) FROM cf_recon_document WHERE content_hash = ?", Integer.class,
                contentHash);
        return n != null && n > 0;
    }

    /** The platform's expected values of one statement or settlement. */
    @Transactional(readOnly = true)
    public Optional<Map<String, String>> ledger(Member member, String type, String key) {
        requireBotOrClearing(member);
        Map<String, String> fields = new LinkedHashMap<>();
        jdbc.query("SELECT field_name, field_value FROM cf_recon_ledger WHERE doc_type = ? AND record_key = ? ORDER BY id",
                rs -> {
                    fields.put(rs.getString(1), rs.getString(2));
                }, type, key);
        return fields.isEmpty() ? Optional.empty() : Optional.of(fields);
    }

    /** Books an expected record (replacing one with the same type and key): the settlement system's feed, or a test. */
    @Transactional
    public void book(Member member, String type, String key, Map<String, String> fields) {
        if (!(member.hasRole(PlatformRole.ADMIN) || member.hasRole(PlatformRole.BOT))) {
            throw new AccessDeniedException("only administrators and bots book expected records");
        }
        if (type == null || type.isBlank() || key == null || key.isBlank() || fields == null || fields.isEmpty()) {
            throw new InvalidRequestException("type, key and fields are required", Map.of("fields", "required"));
        }
        jdbc.update("DELETE FROM cf_recon_ledger WHERE doc_type = ? AND record_key = ?", type, key);
        jdbc.batchUpdate("INSERT INTO cf_recon_ledger (doc_type, record_key, field_name, field_value) VALUES (?,?,?,?)",
                fields.entrySet().stream().map(e -> new Object[] {type, key, e.getKey(), truncate(e.getValue(), MAX_VALUE)})
                        .toList());
    }

    // ---- people ----

    @Transactional(readOnly = true)
    public ReconciliationDocument document(Member member, long id) {
        requireClearing(member);
        return load("WHERE d.id = ?", id).orElseThrow(() -> new NotFoundException("reconciliation document", Long.toString(id)));
    }

    /** The document behind a case, or empty when the case is not a reconciliation. */
    @Transactional(readOnly = true)
    public Optional<ReconciliationDocument> forCase(String caseId) {
        return load("WHERE d.process_instance_id = ?", caseId);
    }

    @Transactional(readOnly = true)
    public byte[] image(Member member, long id) {
        requireClearing(member);
        List<byte[]> found = jdbc.query("SELECT image_png FROM cf_recon_document WHERE id = ?", (rs, i) -> rs.getBytes(1), id);
        if (found.isEmpty() || found.get(0) == null) {
            throw new NotFoundException("image of reconciliation document", Long.toString(id));
        }
        return found.get(0);
    }

    @Transactional(readOnly = true)
    public List<ReconciliationDocument> recent(Member member, int limit) {
        requireClearing(member);
        return load("ORDER BY d.id DESC LIMIT " + Math.max(1, Math.min(limit, 500)));
    }

    public record Stats(long documents, long open, long confirmed, long corrected, long corrections, Map<String, Long> byStatus) { }

    @Transactional(readOnly = true)
    public Stats stats(Member member) {
        requireClearing(member);
        Map<String, Long> byStatus = new LinkedHashMap<>();
        jdbc.query("SELECT status, COUNT(*) FROM cf_recon_document GROUP BY status ORDER BY status",
                rs -> {
                    byStatus.put(rs.getString(1), rs.getLong(2));
                });
        long documents = byStatus.values().stream().mapToLong(Long::longValue).sum();
        long confirmed = count("SELECT COUNT(*) FROM cf_recon_document WHERE outcome IS NOT NULL");
        long corrected = count("SELECT COUNT(*) FROM cf_recon_document WHERE outcome = 'CORRECTED'");
        long corrections = count("SELECT COUNT(*) FROM cf_recon_correction");
        return new Stats(documents, documents - confirmed, confirmed, corrected, corrections, byStatus);
    }

    /**
     * Confirms the document of a confirmation task, with the person's values for its fields: every value that
     * differs from what the bot read is kept as a correction. Completes the task (so the event log has it).
     *
     * @return the number of corrections
     */
    @Transactional
    public int confirm(Member member, String taskId, Map<String, String> values, String comment) {
        requireClearing(member);
        TaskView task = work.task(member, taskId);
        if (!PROCESS_KEY.equals(task.processKey())) {
            throw new InvalidRequestException("not a reconciliation task", Map.of("taskId", "not a reconciliation confirmation"));
        }
        ReconciliationDocument doc = forCase(task.caseId())
                .orElseThrow(() -> new NotFoundException("reconciliation document of case", task.caseId()));
        if (!doc.open()) {
            throw new ConflictException("this reconciliation has already been confirmed");
        }
        Map<String, String> errors = new LinkedHashMap<>();
        Map<String, String> confirmed = new LinkedHashMap<>(doc.fields());
        List<String[]> corrections = new ArrayList<>();
        values.forEach((field, raw) -> {
            if (!doc.fields().containsKey(field)) {
                errors.put(field, "not a field of this document");
                return;
            }
            String value = raw == null || raw.isBlank() ? null : raw.strip();
            if (value != null && value.length() > MAX_VALUE) {
                errors.put(field, "at most " + MAX_VALUE + " characters");
                return;
            }
            String extracted = doc.fields().get(field);
            if (!java.util.Objects.equals(value, extracted)) {
                corrections.add(new String[] {field, extracted, value});
                confirmed.put(field, value);
            }
        });
        if (!errors.isEmpty()) {
            throw new InvalidRequestException("the correction is invalid", errors);
        }
        Instant now = clock.instant();
        for (String[] c : corrections) {
            jdbc.update("INSERT INTO cf_recon_correction (document_id, field_name, extracted_value, corrected_value, corrected_by, "
                    + "corrected_at) VALUES (?,?,?,?,?,?)", doc.id(), c[0], c[1], c[2], member.userId(), Timestamp.from(now));
        }
        String confirmedJson;
        try {
            confirmedJson = json.writeValueAsString(confirmed);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        int changed = jdbc.update("UPDATE cf_recon_document SET outcome = ?, confirmed_by = ?, confirmed_at = ?, confirmed_json = ? "
                        + "WHERE id = ? AND outcome IS NULL", corrections.isEmpty() ? "CONFIRMED" : "CORRECTED", member.userId(),
                Timestamp.from(now), confirmedJson, doc.id());
        if (changed == 0) {
            throw new ConflictException("this reconciliation has already been confirmed");
        }
        work.complete(member, taskId, Map.of("corrections", corrections.size()), comment);
        return corrections.size();
    }

    // ---- helpers ----

    private static void requireBot(Member m) {
        if (!(m.hasRole(PlatformRole.BOT) || m.hasRole(PlatformRole.ADMIN))) {
            throw new AccessDeniedException("only bots submit reconciliations");
        }
    }

    private static void requireBotOrClearing(Member m) {
        if (!(m.hasRole(PlatformRole.BOT) || mayReadClearing(m))) {
            throw new AccessDeniedException("only bots and 清算交收部 read the reconciliation records");
        }
    }

    private static void requireClearing(Member m) {
        if (!mayReadClearing(m)) {
            throw new AccessDeniedException("reconciliations belong to 清算交收部");
        }
    }

    static boolean mayReadClearing(Member m) {
        return DEPARTMENT.equals(m.department()) || m.hasRole(PlatformRole.ADMIN) || m.hasRole(PlatformRole.PROCESS_OWNER);
    }

    private long count(String sql) {
        Long n = jdbc.queryForObject(sql, Long.class);
        return n == null ? 0 : n;
    }

    private static boolean isPng(byte[] b) {
        return b.length > 8 && (b[0] & 0xff) == 0x89 && b[1] == 'P' && b[2] == 'N' && b[3] == 'G';
    }

    private static String truncate(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }

    private List<ReconciliationDocument> load(String where, Object... args) {
        return jdbc.query("SELECT d.id, d.content_hash, d.file_name, d.doc_type, d.record_key, d.status, d.result_json, "
                + "CASE WHEN d.image_png IS NULL THEN 0 ELSE 1 END AS has_image, d.submitted_by, d.submitted_at, "
                + "d.process_instance_id, d.outcome, d.confirmed_by, d.confirmed_at, d.confirmed_json, "
                + "(SELECT COUNT(*) FROM cf_recon_correction c WHERE c.document_id = d.id) AS corrections "
                + "FROM cf_recon_document d " + where, (rs, i) -> map(rs), args);
    }

    private Optional<ReconciliationDocument> load(String where, Object arg) {
        return load(where, new Object[] {arg}).stream().findFirst();
    }

    private ReconciliationDocument map(ResultSet rs) throws SQLException {
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
