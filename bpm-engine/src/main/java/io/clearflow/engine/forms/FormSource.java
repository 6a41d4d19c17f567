package io.clearflow.engine.forms;

import java.util.Optional;

/**
 * Forms that are data rather than beans: the process-governance catalog keeps the forms a process
 * owner designs for each start event and user task of a published version. Task and start pages ask
 * the sources for a step that declares no registered {@code flowable:formKey}.
 */
public interface FormSource {

    /** The form of an activity (start event or user task) of a process definition, when this source has one. */
    Optional<FormDefinition> form(String processDefinitionId, String activityId);

    /**
     * Whether this source owns the start of the process definition, so the generic start page may
     * start it; a module with its own start page (and its own tables) answers no.
     */
    boolean ownsStart(String processDefinitionId);
}
