package io.clearflow.bots.documents;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.util.List;
import java.util.Map;

/**
 * What was extracted from one document, as the REST API and the CLI return it.
 *
 * @param type          type id, or {@code unclassified}
 * @param fields        field name to normalised value (null when not found)
 * @param transactions  one map per transaction line (for types that have them)
 * @param confidence    0..1 per field, and per transaction field as {@code transactions[i].name}
 * @param lowConfidence fields under the threshold or missing: never trusted without a person
 * @param checks        totals checks (e.g. opening + credits - debits = closing)
 * @param warnings      everything a person should know: low confidence, failed totals, downscaling, deskew
 * @param method        {@code text-layer} or {@code ocr}
 * @param corrections   per field, what was corrected in the value as read (look-alike characters fixed by the
 *                      field's pattern, e.g. {@code AO3156 → A03156}); empty when nothing was
 */
public record Extraction(String type, String typeName, Map<String, String> fields, List<Map<String, String>> transactions,
                         Map<String, Double> confidence, List<String> lowConfidence, List<CheckResult> checks,
                         List<String> warnings, String method, int pages, Map<String, String> corrections) {

    public Extraction {
        corrections = corrections == null ? Map.of() : corrections;
    }

    /** Without corrections (as before they were reported). */
    public Extraction(String type, String typeName, Map<String, String> fields, List<Map<String, String>> transactions,
                      Map<String, Double> confidence, List<String> lowConfidence, List<CheckResult> checks,
                      List<String> warnings, String method, int pages) {
        this(type, typeName, fields, transactions, confidence, lowConfidence, checks, warnings, method, pages, Map.of());
    }

    public record CheckResult(String name, boolean ok, String expected, String actual) { }

    @JsonIgnore
    public boolean classified() {
        return !DocumentTypes.UNCLASSIFIED.equals(type);
    }

    @JsonIgnore
    public boolean totalsOk() {
        return checks.stream().allMatch(CheckResult::ok);
    }
}
