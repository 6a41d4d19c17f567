package io.clearflow.testmetrics.gate;

import io.clearflow.testmetrics.TestMetricsAccess;
import io.clearflow.testmetrics.api.GateRequest;
import io.clearflow.testmetrics.api.GateResult;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/test-metrics/gates}: the configured rule sets. {@code POST /api/test-metrics/gates/{ruleSet}/evaluations}
 * with {@code {"project", "version", "diff"?}}: every rule's actual value, threshold, verdict and evidence.
 */
@RestController
class GateController {

    private final QualityGatesAdapter gates;

    GateController(QualityGatesAdapter gates) {
        this.gates = gates;
    }

    @GetMapping("/api/test-metrics/gates")
    @PreAuthorize(TestMetricsAccess.GATE)
    Map<String, GateRuleSets.RuleSet> ruleSets() {
        return new TreeMap<>(gates.definitions());
    }

    @PostMapping("/api/test-metrics/gates/{ruleSet}/evaluations")
    @PreAuthorize(TestMetricsAccess.GATE)
    GateResult evaluate(@PathVariable String ruleSet, @RequestBody Evaluation body) {
        return gates.evaluate(new GateRequest(ruleSet, body.project(), body.version(), body.diff()));
    }

    /** The request body; the rule set is in the path. */
    record Evaluation(String project, String version, String diff) {
    }
}
