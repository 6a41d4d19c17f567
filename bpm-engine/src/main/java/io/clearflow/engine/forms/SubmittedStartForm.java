package io.clearflow.engine.forms;

import io.clearflow.engine.work.CaseDetailContributor;
import io.clearflow.engine.work.CaseView;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.flowable.bpmn.model.FlowElement;
import org.flowable.bpmn.model.StartEvent;
import org.flowable.engine.HistoryService;
import org.flowable.engine.RepositoryService;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

/**
 * What the initiator submitted on the start form of a catalog process, read-only, on the case page and
 * on every later step's task page, so a reviewer sees what they approve. Values come from the case's
 * variables (a catalog form's fields are its variables); choices show their labels.
 */
@Component
class SubmittedStartForm implements CaseDetailContributor {

    /** One submitted field: its label and its value as the reader reads it. */
    record Entry(String key, String label, String value) { }

    private final HistoryService history;
    private final RepositoryService repository;
    private final List<FormSource> sources;
    private final FormViews views;

    SubmittedStartForm(HistoryService history, RepositoryService repository, List<FormSource> sources, FormViews views) {
        this.history = history;
        this.repository = repository;
        this.sources = sources;
        this.views = views;
    }

    @Override
    public void contribute(CaseView caseView, Model model) {
        var instance = history.createHistoricProcessInstanceQuery().processInstanceId(caseView.id()).singleResult();
        if (instance == null || !FormSources.ownStart(sources, instance.getProcessDefinitionId())) {
            return;
        }
        FlowElement initial = repository.getBpmnModel(instance.getProcessDefinitionId()).getMainProcess().getInitialFlowElement();
        if (!(initial instanceof StartEvent start)) {
            return;
        }
        var form = FormSources.find(sources, instance.getProcessDefinitionId(), start.getId());
        if (form.isEmpty() || form.get().fields().isEmpty()) {
            return;
        }
        Map<String, Object> values = new HashMap<>();
        history.createHistoricVariableInstanceQuery().processInstanceId(caseView.id()).list()
                .forEach(v -> values.put(v.getVariableName(), v.getValue()));
        FormView view = views.of(form.get());
        List<Entry> entries = view.fields().stream().map(f -> {
            Object value = values.get(f.key());
            String text = value == null ? "" : String.valueOf(value);
            for (FormView.Choice choice : f.options()) {
                if (choice.value().equals(text)) {
                    text = choice.label();
                }
            }
            return new Entry(f.key(), f.label(), text);
        }).toList();
        model.addAttribute("submittedStart", entries);
    }
}
