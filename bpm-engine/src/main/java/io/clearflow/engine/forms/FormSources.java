package io.clearflow.engine.forms;

import java.util.List;
import java.util.Optional;

/** Asking every {@link FormSource} in turn; the first that knows the step answers. */
final class FormSources {

    private FormSources() {
    }

    static Optional<FormDefinition> find(List<FormSource> sources, String processDefinitionId, String activityId) {
        return sources.stream().map(s -> s.form(processDefinitionId, activityId)).flatMap(Optional::stream).findFirst();
    }

    static boolean ownStart(List<FormSource> sources, String processDefinitionId) {
        return sources.stream().anyMatch(s -> s.ownsStart(processDefinitionId));
    }
}
