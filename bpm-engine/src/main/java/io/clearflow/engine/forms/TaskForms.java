package io.clearflow.engine.forms;

import io.clearflow.engine.api.Member;
import io.clearflow.engine.work.TaskStep;
import io.clearflow.engine.work.TaskView;
import io.clearflow.engine.work.WorkService;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Completing a user task through its form ({@code flowable:formKey}): check the values, let the
 * owning module store its business data, and complete the task with the fields marked as routing
 * facts as process variables. A field named {@code comment} becomes the task's comment.
 */
@Service
public class TaskForms {

    public static final String COMMENT_FIELD = "comment";

    private final WorkService work;
    private final FormRegistry registry;
    private final FormValidator validator;
    private final List<TaskFormListener> listeners;
    private final List<FormSource> sources;

    TaskForms(WorkService work, FormRegistry registry, FormValidator validator, List<TaskFormListener> listeners,
              List<FormSource> sources) {
        this.work = work;
        this.registry = registry;
        this.validator = validator;
        this.listeners = listeners;
        this.sources = sources;
    }

    /**
     * The form of a task the member may see, if its step has one: the registered form of its
     * {@code flowable:formKey}, otherwise the one a {@link FormSource} (the catalog) keeps for the step.
     */
    @Transactional(readOnly = true)
    public Optional<FormDefinition> forTask(Member member, String taskId) {
        TaskStep step = work.step(member, taskId);
        return registry.find(step.formKey())
                .or(() -> FormSources.find(sources, step.processDefinitionId(), step.activityId()));
    }

    @Transactional
    public void complete(Member member, String taskId, Map<String, ?> submitted) {
        FormDefinition form = forTask(member, taskId).orElseThrow(() -> new io.clearflow.engine.api.InvalidRequestException(
                "modes.form.noForm"));
        TaskView task = work.task(member, taskId);
        Map<String, String> values = validator.validate(form, submitted);
        listeners.forEach(l -> l.submitted(member, task, form, values));
        work.complete(member, taskId, variables(form, values), values.get(COMMENT_FIELD));
    }

    /** Routing facts only: select values true/false become booleans, numbers stay numbers. */
    static Map<String, Object> variables(FormDefinition form, Map<String, String> values) {
        Map<String, Object> variables = new HashMap<>();
        for (FormField field : form.fields()) {
            String value = values.get(field.key());
            if (!field.variable() || value == null) {
                continue;
            }
            Object typed = switch (field.type()) {
                case NUMBER -> {
                    BigDecimal number = new BigDecimal(value);
                    yield number.scale() <= 0 || number.stripTrailingZeros().scale() <= 0
                            ? (Object) number.longValueExact() : (Object) number.doubleValue();
                }
                case SELECT -> "true".equals(value) ? Boolean.TRUE : "false".equals(value) ? Boolean.FALSE : value;
                default -> value;
            };
            variables.put(field.key(), typed);
        }
        return variables;
    }
}
