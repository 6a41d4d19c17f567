package io.clearflow.mining;

import static org.assertj.core.api.Assertions.assertThat;

import io.clearflow.engine.api.PlatformEvent;
import io.clearflow.engine.eventlog.EventLogWriter;
import io.clearflow.mining.platform.PlatformLogSource;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.Scenario;
import org.springframework.test.context.ActiveProfiles;

/**
 * The process-mining module booted alone with the engine (Spring Modulith's module test). It publishes no events; it
 * reads what the engine records. So the scenario records two cases' start events through the engine's API, as the
 * engine does when cases start, and waits until the platform log the mining pages offer counts them.
 */
@ApplicationModuleTest(mode = ApplicationModuleTest.BootstrapMode.DIRECT_DEPENDENCIES, verifyAutomatically = false)
@ActiveProfiles("test")
class MiningModuleTest {

    @Autowired EventLogWriter eventLog;
    @Autowired PlatformLogSource platformLog;

    @Test
    void casesTheEngineRecordsAppearInThePlatformLog(Scenario scenario) {
        String key = "moduleTest" + UUID.randomUUID().toString().substring(0, 8);

        scenario.stimulate(() -> List.of("case-1", "case-2").forEach(caseId -> eventLog.record(started(key, caseId))))
                .andWaitForStateChange(() -> cases(key), Optional::isPresent)
                .andVerify(found -> assertThat(found).contains(2L));
    }

    private Optional<Long> cases(String key) {
        return platformLog.processes().stream().filter(p -> p.key().equals(key))
                .map(PlatformLogSource.PlatformProcess::cases).findFirst();
    }

    private static PlatformEvent started(String key, String caseId) {
        return new PlatformEvent(null, UUID.randomUUID().toString(), key + "-" + caseId, key, 1, null,
                PlatformEvent.Scope.PROCESS, null, null, null, null, PlatformEvent.Lifecycle.START, Instant.now(),
                "zhangsan", null, null, Map.of());
    }
}
