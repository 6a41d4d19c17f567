package io.clearflow.testmetrics.gate;

import io.clearflow.engine.api.InvalidRequestException;
import io.clearflow.engine.api.NotFoundException;
import io.clearflow.testmetrics.TestMetricsProperties;
import io.clearflow.testmetrics.api.GateRequest;
import io.clearflow.testmetrics.api.GateResult;
import io.clearflow.testmetrics.api.QualityGates;
import io.clearflow.testmetrics.api.RuleResult;
import io.clearflow.testmetrics.store.GateEvaluationRepository;
import io.clearflow.testmetrics.store.VersionRepository;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.stereotype.Component;

/** The public {@link QualityGates} over the stored evidence. */
@Component
class QualityGatesAdapter implements QualityGates {

    static final int MAX_DIFF_CHARS = 5_000_000;

    private final TestMetricsProperties properties;
    private final VersionRepository versions;
    private final EvidenceReader evidence;
    private final GateEvaluationRepository evaluations;
    private final Clock clock = Clock.systemUTC();

    QualityGatesAdapter(TestMetricsProperties properties, VersionRepository versions, EvidenceReader evidence,
                        GateEvaluationRepository evaluations) {
        this.properties = properties;
        this.versions = versions;
        this.evidence = evidence;
        this.evaluations = evaluations;
    }

    @Override
    public GateResult evaluate(GateRequest request) {
        if (request.ruleSet() == null || request.project() == null || request.version() == null) {
            throw new InvalidRequestException("tm.gate.error.required");
        }
        if (request.diff() != null && request.diff().length() > MAX_DIFF_CHARS) {
            throw new InvalidRequestException("tm.gate.error.diffLength",
                    Map.of("diff", "tm.gate.error.diffTooLong"), String.valueOf(MAX_DIFF_CHARS));
        }
        GateRuleSets.RuleSet ruleSet = properties.ruleSets().get(request.ruleSet());
        if (ruleSet == null) {
            throw new NotFoundException("rule set", request.ruleSet());
        }
        var version = versions.find(request.project(), request.version())
                .orElseThrow(() -> new NotFoundException("version", request.project() + " " + request.version()));
        List<RuleResult> results = GateEvaluator.evaluate(ruleSet, evidence.read(version, request.diff()));
        GateResult result = new GateResult(request.ruleSet(), request.project(), request.version(),
                GateEvaluator.overall(results), results, clock.instant());
        evaluations.record(version.id(), result.ruleSet(), result.verdict().name(), result.evaluatedAt());
        return result;
    }

    @Override
    public Set<String> ruleSets() {
        return new TreeSet<>(properties.ruleSets().keySet());
    }

    Map<String, GateRuleSets.RuleSet> definitions() {
        return properties.ruleSets();
    }
}
