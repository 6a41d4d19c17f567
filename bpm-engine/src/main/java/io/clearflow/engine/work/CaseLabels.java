package io.clearflow.engine.work;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.flowable.engine.HistoryService;
import org.flowable.engine.RepositoryService;
import org.flowable.engine.history.HistoricProcessInstance;
import org.flowable.engine.repository.ProcessDefinition;
import org.springframework.stereotype.Component;

/**
 * Cases and processes by what people call them, for pages that hold only ids (the event log, timelines):
 * {@code ${@cases.number(caseId)}} is the case's business number (APR-12, DEM-3, PUT-2026-000123),
 * {@code ${@cases.processName(key)}} the latest definition's name. Numbers never change once given, so
 * they are remembered; a case without one is shown by its process's name.
 */
@Component("cases")
public class CaseLabels {

    private static final int REMEMBERED = 10_000;

    private final HistoryService history;
    private final RepositoryService repository;
    private final Map<String, String> numbers = new ConcurrentHashMap<>();
    private final Map<String, String> processNames = new ConcurrentHashMap<>();

    CaseLabels(HistoryService history, RepositoryService repository) {
        this.history = history;
        this.repository = repository;
    }

    public String number(String caseId) {
        if (caseId == null) {
            return null;
        }
        String known = numbers.get(caseId);
        if (known != null) {
            return known;
        }
        HistoricProcessInstance instance = history.createHistoricProcessInstanceQuery().processInstanceId(caseId).singleResult();
        if (instance == null) {
            return "—";
        }
        if (instance.getBusinessKey() == null || instance.getBusinessKey().isBlank()) {
            return processName(instance.getProcessDefinitionKey());
        }
        if (numbers.size() > REMEMBERED) {
            numbers.clear();
        }
        numbers.put(caseId, instance.getBusinessKey());
        return instance.getBusinessKey();
    }

    public String processName(String processKey) {
        if (processKey == null) {
            return null;
        }
        return processNames.computeIfAbsent(processKey, key -> {
            ProcessDefinition d = repository.createProcessDefinitionQuery().processDefinitionKey(key).latestVersion()
                    .singleResult();
            return d == null || d.getName() == null ? key : d.getName();
        });
    }
}
