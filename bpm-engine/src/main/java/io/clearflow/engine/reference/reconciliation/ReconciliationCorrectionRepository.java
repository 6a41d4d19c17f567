package io.clearflow.engine.reference.reconciliation;

import java.sql.Timestamp;
import java.time.Instant;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** Every statement on {@code cf_recon_correction}. */
@Repository
class ReconciliationCorrectionRepository {

    /** A field a person set to another value than the bot read; either value may be null. */
    record Correction(String field, String extracted, String corrected) { }

    private final JdbcTemplate jdbc;

    ReconciliationCorrectionRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    void insert(long documentId, Correction c, String correctedBy, Instant at) {
        jdbc.update("INSERT INTO cf_recon_correction (document_id, field_name, extracted_value, corrected_value, corrected_by, "
                + "corrected_at) VALUES (?,?,?,?,?,?)", documentId, c.field(), c.extracted(), c.corrected(), correctedBy,
                Timestamp.from(at));
    }

    long count() {
        Long n = jdbc.queryForObject("SELECT COUNT(*) FROM cf_recon_correction", Long.class);
        return n == null ? 0 : n;
    }
}
