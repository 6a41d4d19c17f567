package io.clearflow.delivery.stress;

import io.clearflow.delivery.evidence.PreGoLiveEvidence;
import io.clearflow.delivery.version.VersionRef;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * A critical system's version needs a stress test whose report ops accepted (archived or verified) with a passing
 * verdict (capacity, bandwidth, stability, regression).
 */
@Component
class StressTestEvidence implements PreGoLiveEvidence {

    private final StressTestRepository tests;

    StressTestEvidence(StressTestRepository tests) {
        this.tests = tests;
    }

    @Override
    public List<Item> missing(VersionRef version) {
        if (!version.critical()) {
            return List.of();
        }
        List<StressTest> accepted = tests.ofVersion(version.id()).stream().filter(t -> t.state().accepted()).toList();
        if (accepted.stream().anyMatch(t -> Boolean.TRUE.equals(t.verdictPassed()))) {
            return List.of();
        }
        if (accepted.isEmpty()) {
            return List.of(new Item("stress-test", "delivery.stress.evidence.missing", List.of(version.version()),
                    "/delivery/stress-tests?versionId=" + version.id()));
        }
        StressTest last = accepted.get(0);
        return List.of(new Item("stress-test", "delivery.stress.evidence.failed", List.of(last.key()),
                StressTestService.link(last.id())));
    }
}
