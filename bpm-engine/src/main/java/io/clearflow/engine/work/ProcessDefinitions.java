package io.clearflow.engine.work;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.flowable.engine.RepositoryService;
import org.flowable.engine.repository.ProcessDefinition;
import org.springframework.stereotype.Component;

/** Process definitions by id; they never change once deployed, so they are cached for lists. */
@Component
class ProcessDefinitions {

    private final RepositoryService repository;
    private final Map<String, ProcessDefinition> byId = new ConcurrentHashMap<>();

    ProcessDefinitions(RepositoryService repository) {
        this.repository = repository;
    }

    ProcessDefinition get(String definitionId) {
        return byId.computeIfAbsent(definitionId, repository::getProcessDefinition);
    }

    String name(String definitionId) {
        ProcessDefinition d = get(definitionId);
        return d.getName() != null ? d.getName() : d.getKey();
    }
}
