package io.clearflow.delivery.stress;

import io.clearflow.delivery.DeliveryProperties;
import io.clearflow.engine.api.LargeUpload;
import io.clearflow.engine.api.NavigationItem;
import io.clearflow.engine.work.ModuleOwnedProcess;
import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Stress tests' process ownership, menu entry and upload limit. */
@Configuration(proxyBeanMethods = false)
class StressConfiguration {

    /** A stress test's steps move only through its own pages and API, which keep its state and process in step. */
    @Bean
    ModuleOwnedProcess deliveryOwnsStressTests() {
        return new ModuleOwnedProcess(StressTestService.PROCESS_KEY);
    }

    @Bean
    NavigationItem deliveryStressNavigation() {
        return new NavigationItem("delivery.stress.nav", "/delivery/stress-tests", 43,
                List.of("DEVELOPER", "TESTER", "QC", "OPS", "IT_MANAGER", "COMPLIANCE", "ADMIN"), null);
    }

    /** A 2 h JTL is hundreds of MB; it is streamed, never held, so it may be as large as an artifact. */
    @Bean
    LargeUpload stressResultUpload(DeliveryProperties properties) {
        return new LargeUpload("/api/delivery/stress-tests/{id}/results", properties.maxUploadSize());
    }

    @Bean
    LargeUpload stressResultUploadPage(DeliveryProperties properties) {
        return new LargeUpload("/delivery/stress-tests/{id}/results", properties.maxUploadSize());
    }
}
