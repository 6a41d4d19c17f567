package io.clearflow.mining.store;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

@Configuration
@EnableConfigurationProperties(MiningProperties.class)
class MiningConfiguration {
}
