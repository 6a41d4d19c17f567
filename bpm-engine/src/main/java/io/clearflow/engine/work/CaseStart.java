package io.clearflow.engine.work;

import io.clearflow.engine.api.Member;
import io.clearflow.engine.api.NotFoundException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.flowable.common.engine.impl.cfg.IdGenerator;
import org.flowable.engine.ProcessEngineConfiguration;
import org.flowable.engine.RepositoryService;
import org.flowable.engine.RuntimeService;
import org.flowable.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.flowable.engine.repository.ProcessDefinition;
import org.flowable.engine.runtime.ProcessInstance;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;

/** Which processes a member may start, and starting a case of one. */
@Component
class CaseStart {

    private final RepositoryService repository;
    private final RuntimeService runtime;
    private final ProcessDefinitions definitions;
    private final IdGenerator ids;

    CaseStart(RepositoryService repository, RuntimeService runtime, ProcessDefinitions definitions,
              ProcessEngineConfiguration engine) {
        this.repository = repository;
        this.runtime = runtime;
        this.definitions = definitions;
        // the engine's own generator, so a case id chosen here looks like every other case id
        this.ids = ((ProcessEngineConfigurationImpl) engine).getIdGenerator();
    }

    List<ProcessDefinition> startable(Member member) {
        return repository.createProcessDefinitionQuery().latestVersion().active()
                .startableByUserOrGroups(member.userId(), member.candidateGroups())
                .orderByProcessDefinitionName().asc().list();
    }

    ProcessDefinition startableDefinition(Member member, String processKey) {
        ProcessDefinition definition = repository.createProcessDefinitionQuery().processDefinitionKey(processKey)
                .latestVersion().active().startableByUserOrGroups(member.userId(), member.candidateGroups()).singleResult();
        return orRefusal(definition, processKey);
    }

    String newCaseId() {
        return ids.getNextId();
    }

    CaseView start(Member member, String processKey, String businessKey, Map<String, Object> variables,
                   String caseId) {
        Map<String, Object> checked = new HashMap<>(WorkInput.checkVariables(variables));
        // the check finds the definition too: starting by its id spares the engine looking it up again
        ProcessDefinition definition = orRefusal(repository.createProcessDefinitionQuery()
                .processDefinitionKey(processKey).latestVersion()
                .startableByUserOrGroups(member.userId(), member.candidateGroups()).singleResult(), processKey);
        checked.put("department", member.department());
        ProcessInstance instance = ActingAs.member(member, () -> {
            var builder = runtime.createProcessInstanceBuilder().processDefinitionId(definition.getId())
                    .businessKey(businessKey).variables(checked);
            return (caseId == null ? builder : builder.predefineProcessInstanceId(caseId)).start();
        });
        boolean ended = instance.isEnded();
        return new CaseView(instance.getId(), instance.getProcessDefinitionKey(),
                definitions.name(instance.getProcessDefinitionId()), instance.getBusinessKey(), member.userId(),
                WorkViews.instant(instance.getStartTime()), null, ended ? "completed" : "active", null);
    }

    /** 404 when the process does not exist at all, 403 when it exists but the member may not start it. */
    private ProcessDefinition orRefusal(ProcessDefinition definition, String processKey) {
        if (definition == null) {
            if (repository.createProcessDefinitionQuery().processDefinitionKey(processKey).count() == 0) {
                throw new NotFoundException("process", processKey);
            }
            throw new AccessDeniedException("denied.startProcess");
        }
        return definition;
    }
}
