package io.clearflow.demand.api;

/** Where a demand stands in its lifecycle; each open state is one step (user task) of the process. */
public enum DemandState {
    SUBMITTED("accept"),
    COMPLIANCE_REVIEW("complianceReview"),
    EVALUATION("evaluate"),
    SPLITTING("split"),
    TRACKING("track"),
    ACCEPTANCE("businessAcceptance"),
    DONE(null),
    REJECTED(null);

    private final String activityId;

    DemandState(String activityId) {
        this.activityId = activityId;
    }

    /** The process step that is open in this state, {@code null} once the demand is closed. */
    public String activityId() {
        return activityId;
    }

    public boolean closed() {
        return activityId == null;
    }
}
