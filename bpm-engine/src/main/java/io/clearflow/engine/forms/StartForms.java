package io.clearflow.engine.forms;

import io.clearflow.engine.api.Member;
import io.clearflow.engine.api.NotFoundException;
import io.clearflow.engine.work.CaseView;
import io.clearflow.engine.work.WorkService;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.flowable.bpmn.model.FlowElement;
import org.flowable.bpmn.model.StartEvent;
import org.flowable.engine.RepositoryService;
import org.flowable.engine.repository.ProcessDefinition;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Starting a process whose start nobody else owns (a process published from the governance catalog)
 * through its start event's form. Modules with their own start page and tables start their processes
 * there; this refuses them, because a start without their data would break them.
 */
@Service
class StartForms {

    /** A process as the start page shows it, with its start form (one without fields when it has none). */
    public record StartForm(String processKey, String processName, String description, FormDefinition form) { }

    private final WorkService work;
    private final RepositoryService repository;
    private final FormRegistry registry;
    private final FormValidator validator;
    private final List<FormSource> sources;
    private final List<BusinessNumbers> numbers;

    StartForms(WorkService work, RepositoryService repository, FormRegistry registry, FormValidator validator,
               List<FormSource> sources, List<BusinessNumbers> numbers) {
        this.numbers = numbers;
        this.work = work;
        this.repository = repository;
        this.registry = registry;
        this.validator = validator;
        this.sources = sources;
    }

    /** Whether the generic start page starts this definition. */
    public boolean startsHere(ProcessDefinition definition) {
        return FormSources.ownStart(sources, definition.getId());
    }

    @Transactional(readOnly = true)
    public StartForm forProcess(Member member, String processKey) {
        ProcessDefinition definition = work.startableDefinition(member, processKey);
        if (!startsHere(definition)) {
            throw new NotFoundException("start page of process", processKey);
        }
        String name = definition.getName() == null ? processKey : definition.getName();
        FormDefinition form = startEvent(definition)
                .flatMap(start -> registry.find(start.getFormKey())
                        .or(() -> FormSources.find(sources, definition.getId(), start.getId())))
                .orElseGet(() -> new FormDefinition("start", name, List.of()));
        return new StartForm(processKey, name, definition.getDescription(), form);
    }

    /** Checks the values against the start form and starts the process with them as its variables. */
    @Transactional
    public CaseView start(Member member, String processKey, Map<String, ?> submitted) {
        FormDefinition form = forProcess(member, processKey).form();
        Map<String, String> values = validator.validate(form, submitted);
        // a number people can read and quote, not the engine's UUID
        String businessKey = numbers.isEmpty() ? null : numbers.get(0).next(work.startableDefinition(member, processKey));
        return work.start(member, processKey, businessKey, TaskForms.variables(form, values));
    }

    private Optional<StartEvent> startEvent(ProcessDefinition definition) {
        FlowElement initial = repository.getBpmnModel(definition.getId()).getMainProcess().getInitialFlowElement();
        return initial instanceof StartEvent start ? Optional.of(start) : Optional.empty();
    }
}
