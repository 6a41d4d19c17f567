package io.clearflow.testmetrics.maturity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class MaturityScorerTest {

    static final MaturityModel MODEL = MaturityModel.load();

    static MaturityScorer.Score of(List<MaturityScorer.Score> scores, String key) {
        return scores.stream().filter(s -> s.indicator().equals(key)).findFirst().orElseThrow();
    }

    @Test
    void theModelIsCompleteData() {
        assertThat(MODEL.domains()).containsExactly("process", "improvement", "platform", "measurement");
        assertThat(MODEL.indicators()).hasSize(12).allMatch(i -> i.en().size() == 5 && i.zh().size() == 5);
        assertThat(MODEL.indicators().get(3).criterion(2, Locale.ENGLISH)).contains("weekly");
        assertThat(MODEL.indicators().get(3).criterion(2, Locale.SIMPLIFIED_CHINESE)).contains("每周");
    }

    @Test
    void evidenceScoresWorkedByHand() {
        // 12 CI runs in 4 weeks = 3 per week → 3; 8 of 20 defects before integration = 40 % → 4;
        // 4 fresh kinds → 4; line coverage → 3; escape 3 of 20 = 15 % → 3
        var scores = MaturityScorer.score(MODEL, new MaturityScorer.Evidence(3.0, 20, 0.4, 4, true, true, 0.15));
        assertThat(of(scores, "automatedTesting").level()).isEqualTo(3);
        assertThat(of(scores, "shiftLeft").level()).isEqualTo(4);
        assertThat(of(scores, "efficiencyMeasurement").level()).isEqualTo(4);
        assertThat(of(scores, "precisionTesting").level()).isEqualTo(3);
        assertThat(of(scores, "defectPrevention").level()).isEqualTo(3);
        assertThat(of(scores, "defectPrevention").source()).isEqualTo("evidence: escape rate 15 % of 20 defects");
        assertThat(of(scores, "norms").level()).isNull();
        assertThat(of(scores, "norms").source()).startsWith("assessor");
        // domains: platform = automated 3, precision 3 (others unscored) → 3.0; improvement = defect prevention 3
        assertThat(MaturityScorer.domains(MODEL, scores)).containsEntry("platform", 3.0).containsEntry("improvement", 3.0)
                .containsEntry("process", 4.0).containsEntry("measurement", 4.0);
    }

    @Test
    void tooFewDefectsNeedAnAssessor() {
        var scores = MaturityScorer.score(MODEL, new MaturityScorer.Evidence(0, 2, 1.0, 0, false, false, 0.0));
        assertThat(of(scores, "shiftLeft").level()).isNull();
        assertThat(of(scores, "defectPrevention").level()).isNull();
        assertThat(of(scores, "automatedTesting").level()).isEqualTo(1);
        assertThat(of(scores, "precisionTesting").level()).isEqualTo(1);
        assertThat(of(scores, "efficiencyMeasurement").level()).isEqualTo(1);
    }

    @Test
    void gateEvaluationsScoreDecisionSupport() {
        // of 10 versions with reports: none gated → 1; 3 → 2; 6 (2 with entry and exit) → 3;
        // 10 with 9 by both criteria (90 %) → 4; 10 with 8 by both (80 %) → 3, not 4; 5 always needs an assessor
        assertThat(decisionSupport(new MaturityScorer.GateCoverage(10, 0, 0)).level()).isEqualTo(1);
        assertThat(decisionSupport(new MaturityScorer.GateCoverage(10, 3, 0)).level()).isEqualTo(2);
        assertThat(decisionSupport(new MaturityScorer.GateCoverage(10, 6, 2)).level()).isEqualTo(3);
        assertThat(decisionSupport(new MaturityScorer.GateCoverage(10, 10, 9)).level()).isEqualTo(4);
        assertThat(decisionSupport(new MaturityScorer.GateCoverage(10, 10, 8)).level()).isEqualTo(3);
        assertThat(decisionSupport(new MaturityScorer.GateCoverage(10, 6, 2)).source())
                .isEqualTo("evidence: 6 of 10 versions (last 90 days) gated, 2 by entry and exit criteria; level 5 needs an assessor");
        assertThat(decisionSupport(new MaturityScorer.GateCoverage(0, 0, 0)).level()).isNull();
    }

    private static MaturityScorer.Score decisionSupport(MaturityScorer.GateCoverage gates) {
        return of(MaturityScorer.score(MODEL, new MaturityScorer.Evidence(0, 0, null, 0, false, false, null, null, gates)),
                "decisionSupport");
    }

    @Test
    void automationRatioCapsAutomatedTesting() {
        // 30 CI runs per week alone → 5; with 60 % of planned cases automated (≥ 50 → 3) the lower level counts
        var capped = MaturityScorer.score(MODEL, new MaturityScorer.Evidence(30, 0, null, 0, false, false, null, 0.6));
        assertThat(of(capped, "automatedTesting").level()).isEqualTo(3);
        assertThat(of(capped, "automatedTesting").source()).contains("60 % of planned cases automated");
        // 90 % automated but 2 CI runs a week (→ 2): frequency caps it
        var rare = MaturityScorer.score(MODEL, new MaturityScorer.Evidence(2, 0, null, 0, false, false, null, 0.9));
        assertThat(of(rare, "automatedTesting").level()).isEqualTo(2);
        // no plans: CI frequency alone, as before
        var noPlans = MaturityScorer.score(MODEL, new MaturityScorer.Evidence(30, 0, null, 0, false, false, null, null));
        assertThat(of(noPlans, "automatedTesting").level()).isEqualTo(5);
    }
}
