package io.clearflow.delivery.stress;

import java.time.Instant;

/** One stress test of a version, with what each step recorded (null until the step is done). */
public record StressTest(long id, long versionId, String system, String version, StressState state, String caseId,
                         String scenariosWanted, String requestedBy, Instant requestedAt, Plan plan, String plannedBy,
                         String scenarios, String designedBy, String executedBy, Report report, String reportedBy,
                         Boolean verdictPassed, String verdictJson, String confirmedBy, Instant confirmedAt,
                         String upgradeRisk, String confirmComment, String verifiedBy, Instant verifiedAt,
                         Boolean verifiedPassed, String verification) {

    /** The plan: test object, metrics, method, resources and risks. */
    public record Plan(String object, String metrics, String method, String resources, String risks) { }

    /** The report's sections as the seed lists them (the results come from the uploaded files). */
    public record Report(String environment, String cases, String process, String anomalies, String conclusion) { }

    public String key() {
        return "ST-" + id;
    }
}
