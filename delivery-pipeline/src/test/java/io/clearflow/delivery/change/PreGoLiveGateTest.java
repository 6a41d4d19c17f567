package io.clearflow.delivery.change;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

/**
 * The change flow refuses to approve or deploy a critical system's change while its version lacks pre-go-live
 * evidence (a stress test confirmed by ops with a passing verdict, and a completed code audit without blocking
 * findings), and lets a non-critical system's change through.
 */
@TestPropertySource(properties = "clearflow.delivery.evidence.enforce=true")
class PreGoLiveGateTest extends DeliveryFlowSupport {

    @org.springframework.beans.factory.annotation.Autowired io.clearflow.delivery.evidence.EvidenceGate gate;
    @org.springframework.beans.factory.annotation.Autowired io.clearflow.delivery.version.Versions versions;

    @Test
    void criticalChangesNeedAnAcceptedPassingStressTest() throws Exception {
        Setup s = version(true);
        long id = raise(passedSubmission(s), "");
        var refused = postJson("chenqc", "/api/delivery/changes/" + id + "/approve", "{\"comment\":\"ok\"}")
                .andExpect(status().isConflict()).andReturn().getResponse();
        assertThat(refused.getContentAsString()).contains(s.label());
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM del_change_approval WHERE change_id = ?", Integer.class, id))
                .isZero();

        long stressId = acceptedStressTest(s, true);
        // the stress test alone is not enough: the refusal now names only the missing code audit
        postJson("chenqc", "/api/delivery/changes/" + id + "/approve", "{\"comment\":\"ok\"}").andExpect(status().isConflict());
        assertThat(gate.missing(versions.find(s.versionId()).orElseThrow()))
                .extracting(io.clearflow.delivery.evidence.PreGoLiveEvidence.Item::kind).containsExactly("code-audit");
        completedAudit(s);
        for (String approver : new String[] {"chenqc", "linops", "zhouba", "hegui"}) {
            postJson(approver, "/api/delivery/changes/" + id + "/approve", "{\"comment\":\"ok\"}").andExpect(status().isOk());
        }
        awaitState(id, "APPROVED");

        // evidence that fails after approval (e.g. the report re-judged) stops the deployment too
        jdbc.update("UPDATE del_stress_test SET verdict_passed = FALSE WHERE id = ?", stressId);
        postJson("linops", "/api/delivery/changes/" + id + "/deploy", "").andExpect(status().isConflict());
        assertThat(jdbc.queryForObject("SELECT state FROM del_change WHERE id = ?", String.class, id)).isEqualTo("APPROVED");
        jdbc.update("UPDATE del_stress_test SET verdict_passed = TRUE WHERE id = ?", stressId);
        postJson("linops", "/api/delivery/changes/" + id + "/deploy", "").andExpect(status().isAccepted());
    }

    @Test
    void nonCriticalChangesAreNotGated() throws Exception {
        Setup s = version(false);
        long id = raise(passedSubmission(s), "");
        postJson("chenqc", "/api/delivery/changes/" + id + "/approve", "{\"comment\":\"ok\"}").andExpect(status().isOk());
    }

    /** A completed code audit of the version without findings (the audit flow itself is tested on its own). */
    private void completedAudit(Setup s) {
        jdbc.update("INSERT INTO del_audit (version_id, system_code, version_label, state, created_by, created_at, completed_by, "
                + "completed_at, opinion) VALUES (?, ?, ?, 'completed', 'chenqc', CURRENT_TIMESTAMP, 'chenqc', CURRENT_TIMESTAMP, "
                + "'ok')", s.versionId(), s.system(), s.label());
    }

    /** An archived stress test of the version as ops leave it (the stress-test flow itself is tested on its own). */
    private long acceptedStressTest(Setup s, boolean passed) {
        jdbc.update("INSERT INTO del_stress_test (version_id, system_code, version_label, state, requested_by, requested_at, "
                + "verdict_passed, confirmed_by, updated_at) VALUES (?, ?, ?, 'ARCHIVED', 'wujiu', CURRENT_TIMESTAMP, ?, "
                + "'linops', CURRENT_TIMESTAMP)", s.versionId(), s.system(), s.label(), passed);
        return jdbc.queryForObject("SELECT MAX(id) FROM del_stress_test WHERE version_id = ?", Long.class, s.versionId());
    }
}
