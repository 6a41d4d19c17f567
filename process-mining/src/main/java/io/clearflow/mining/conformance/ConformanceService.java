package io.clearflow.mining.conformance;

import io.clearflow.engine.api.NotFoundException;
import io.clearflow.mining.log.EventLog;
import java.io.IOException;
import java.io.InputStream;
import org.flowable.engine.RepositoryService;
import org.flowable.engine.repository.ProcessDefinition;
import org.springframework.stereotype.Service;

/** Conformance of a log to an uploaded BPMN model or to the latest deployed version of a process. */
@Service
public class ConformanceService {

    private final RepositoryService repository;

    public ConformanceService(RepositoryService repository) {
        this.repository = repository;
    }

    public ConformanceReport check(EventLog log, byte[] bpmn) {
        return both(log, BpmnToPetriNet.convert(bpmn));
    }

    /** Token replay and alignments on the same net, so the two figures sit side by side. */
    static ConformanceReport both(EventLog log, PetriNet net) {
        return TokenReplay.replay(log, net).withAlignments(Alignments.align(log, net));
    }

    /** @throws NotFoundException when no process with that key is deployed */
    public ConformanceReport checkDeployed(EventLog log, String processKey) {
        ProcessDefinition definition = repository.createProcessDefinitionQuery().processDefinitionKey(processKey)
                .latestVersion().singleResult();
        if (definition == null) {
            throw new NotFoundException("process definition", processKey);
        }
        try (InputStream model = repository.getProcessModel(definition.getId())) {
            return both(log, BpmnToPetriNet.convert(model));
        } catch (IOException e) {
            throw new BpmnModelException("cannot read the deployed model of " + processKey, e);
        }
    }
}
