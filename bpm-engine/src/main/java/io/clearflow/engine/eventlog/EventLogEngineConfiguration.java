package io.clearflow.engine.eventlog;

import io.clearflow.engine.identity.OrgDirectory;
import java.util.List;
import java.util.Map;
import org.flowable.common.engine.api.delegate.event.FlowableEventListener;
import org.flowable.spring.SpringProcessEngineConfiguration;
import org.flowable.spring.boot.EngineConfigurationConfigurer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Lazy;

@Configuration(proxyBeanMethods = false)
class EventLogEngineConfiguration {

    /** Registers the event-log listener for exactly the engine event types it handles. */
    @Bean
    EngineConfigurationConfigurer<SpringProcessEngineConfiguration> eventLogListener(EventLogWriter writer,
                                                                                   @Lazy OrgDirectory directory) {
        return configuration -> {
            var listener = new EngineEventLogListener(writer, directory, configuration::getClock);
            Map<String, List<FlowableEventListener>> typed = configuration.getTypedEventListeners() == null
                    ? new java.util.HashMap<>() : new java.util.HashMap<>(configuration.getTypedEventListeners());
            for (var type : EngineEventLogListener.TYPES) {
                typed.computeIfAbsent(type.name(), k -> new java.util.ArrayList<>()).add(listener);
            }
            configuration.setTypedEventListeners(typed);
        };
    }
}
