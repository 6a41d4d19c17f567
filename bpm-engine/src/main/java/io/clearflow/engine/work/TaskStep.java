package io.clearflow.engine.work;

/**
 * Where a task stands: the process definition it runs in, its activity (the BPMN user task's id)
 * and the step's {@code flowable:formKey}, if it declares one.
 */
public record TaskStep(String processDefinitionId, String activityId, String formKey) {
}
