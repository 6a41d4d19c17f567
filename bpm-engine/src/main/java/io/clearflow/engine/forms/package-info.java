/**
 * Form definitions: the fields a start or task form asks for, rendered on pages, checked on the
 * server and, from the same definition served as JSON, in the browser. A user task names its
 * form by its BPMN {@code flowable:formKey}. Internal to the engine: no other module uses it.
 */
package io.clearflow.engine.forms;
