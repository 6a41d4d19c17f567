package io.clearflow.delivery.submission;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A gate evaluation as the API answers it and the audit keeps it: every rule with its actual value,
 * threshold and evidence.
 *
 * @param id the stored evaluation, null for an entry gate that refused a submission (nothing is stored then)
 */
public record GateView(Long id, String kind, String ruleSet, boolean passed, List<Rule> results, String evaluatedBy,
                       Instant evaluatedAt) {

    public GateView {
        results = List.copyOf(results);
    }

    /**
     * @param actual    null when the evidence is missing (the rule then fails)
     * @param threshold null for the delivery-side verdict rule
     * @param verdict   {@code PASS}, {@code FAIL} or {@code NOT_APPLICABLE}
     */
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record Rule(String rule, boolean passed, BigDecimal actual, BigDecimal threshold, String verdict,
                       Map<String, Object> evidence) {
    }

    GateView stored(long storedId) {
        return new GateView(storedId, kind, ruleSet, passed, results, evaluatedBy, evaluatedAt);
    }
}
