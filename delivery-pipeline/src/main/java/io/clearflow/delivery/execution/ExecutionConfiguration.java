package io.clearflow.delivery.execution;

import io.clearflow.delivery.execution.runner.EmbeddedRunner;
import io.clearflow.delivery.execution.runner.RunnerProperties;
import java.nio.file.Path;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The deployment executors. The delivery module picks one per environment by {@link DeploymentExecutor#kind()}
 * from the {@code List<DeploymentExecutor>} beans.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(RunnerProperties.class)
class ExecutionConfiguration {

    @Bean(destroyMethod = "close")
    EmbeddedRunner embeddedRunner(RunnerProperties properties, @Value("${clearflow.data-dir:./data}") Path dataDir) {
        return new EmbeddedRunner(properties, dataDir);
    }
}
