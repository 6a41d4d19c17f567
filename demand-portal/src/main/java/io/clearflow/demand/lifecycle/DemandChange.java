package io.clearflow.demand.lifecycle;

import static io.clearflow.demand.lifecycle.DemandRepository.month;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a transition records besides the new state, as typed values for {@link DemandRepository#move}: services
 * name facts, and the cf_demand columns each fact sets stay in this class and the repository. A change without
 * any fact records the state only.
 */
public final class DemandChange {

    private final Map<String, Object> columns = new LinkedHashMap<>();

    private DemandChange() {
    }

    public static DemandChange none() {
        return new DemandChange();
    }

    public DemandChange triaged(Instant at) {
        columns.put("triaged_at", at);
        return this;
    }

    /** Rejected for good (at triage or by compliance): closed in the month of {@code at}. */
    public DemandChange rejected(String reason, Instant at) {
        columns.put("reject_reason", reason);
        return closedAt(at);
    }

    public DemandChange evaluated(Integer valueScore, BigDecimal estimateDays, String priority, String targetVersion) {
        columns.put("value_score", valueScore);
        columns.put("estimate_days", estimateDays);
        columns.put("priority", priority);
        columns.put("target_version", targetVersion);
        return this;
    }

    public DemandChange delivered(Instant at, BigDecimal actualDays) {
        columns.put("delivered_at", at);
        columns.put("actual_days", actualDays);
        return this;
    }

    /** Accepted: closed, with its lead time and whether it was delivered by the expected date (null: none). */
    public DemandChange accepted(Instant at, long leadSeconds, Boolean onTime) {
        closedAt(at);
        columns.put("lead_seconds", leadSeconds);
        columns.put("on_time", onTime);
        return this;
    }

    /** The delivery was not accepted: counted, and no longer delivered. */
    public DemandChange acceptanceRejected(int rejectionsSoFar) {
        columns.put("acceptance_rejections", rejectionsSoFar);
        columns.put("delivered_at", null);
        return this;
    }

    private DemandChange closedAt(Instant at) {
        columns.put("closed_at", at);
        columns.put("closed_month", month(at));
        return this;
    }

    /** The columns to set, in the order the facts were added; read by {@link DemandRepository} only. */
    Map<String, Object> columns() {
        return columns;
    }
}
