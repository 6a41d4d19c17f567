package io.clearflow.engine.reference.reconciliation;

import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** Every statement on {@code cf_recon_ledger}: the platform's expected records, one row per field. */
@Repository
class ReconciliationLedgerRepository {

    private final JdbcTemplate jdbc;

    ReconciliationLedgerRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The fields of one record in the order they were booked; empty when nothing is booked under type and key. */
    Map<String, String> find(String type, String key) {
        Map<String, String> fields = new LinkedHashMap<>();
        jdbc.query("SELECT field_name, field_value FROM cf_recon_ledger WHERE doc_type = ? AND record_key = ? ORDER BY id",
                rs -> {
                    fields.put(rs.getString(1), rs.getString(2));
                }, type, key);
        return fields;
    }

    /**
     * Replaces the record with the same type and key by these fields; a value longer than the column
     * ({@link ReconciliationConfirmationService#MAX_VALUE}) is cut to fit, as the feed sends what it has.
     */
    void replace(String type, String key, Map<String, String> fields) {
        jdbc.update("DELETE FROM cf_recon_ledger WHERE doc_type = ? AND record_key = ?", type, key);
        jdbc.batchUpdate("INSERT INTO cf_recon_ledger (doc_type, record_key, field_name, field_value) VALUES (?,?,?,?)",
                fields.entrySet().stream().map(e -> new Object[] {type, key, e.getKey(),
                        truncate(e.getValue(), ReconciliationConfirmationService.MAX_VALUE)}).toList());
    }

    private static String truncate(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }
}
