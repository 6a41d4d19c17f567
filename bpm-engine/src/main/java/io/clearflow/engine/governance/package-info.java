/**
 * The process-governance catalog (流程治理五步法) as other modules see it: scenarios, their active
 * BPMN model, validation of BPMN files, and design drafts offered from outside (process mining).
 * Everything else of governance (pages, REST, storage) lives in the sub-packages and is internal.
 */
@org.springframework.modulith.NamedInterface("governance")
package io.clearflow.engine.governance;
