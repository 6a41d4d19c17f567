package io.clearflow.engine.governance.web;

import io.clearflow.engine.governance.catalog.FormDefinition;
import io.clearflow.engine.governance.catalog.FormService;
import io.clearflow.engine.governance.catalog.ScenarioReads;
import io.clearflow.engine.governance.catalog.StoredForm;
import io.clearflow.engine.security.CurrentUser;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Step 3 on REST: the form definitions of a scenario's start event and user tasks. */
@RestController
@RequestMapping("/api/governance")
@Tag(name = "Governance", description = "Process-governance catalog (five-step method). Manage: PROCESS_OWNER (own "
        + "department), ADMIN; read: COMPLIANCE, IT_MANAGER; feedback: anyone who may see the case")
class FormApiController {

    private final FormService forms;
    private final ScenarioReads reads;
    private final CurrentUser currentUser;

    FormApiController(FormService forms, ScenarioReads reads, CurrentUser currentUser) {
        this.forms = forms;
        this.reads = reads;
        this.currentUser = currentUser;
    }

    @GetMapping("/scenarios/{id}/forms")
    List<StoredForm> forms(@PathVariable String id) {
        return reads.forms(currentUser.get(), id);
    }

    @GetMapping("/scenarios/{id}/forms/{activityId}")
    StoredForm form(@PathVariable String id, @PathVariable String activityId) {
        return reads.form(currentUser.get(), id, activityId);
    }

    @PutMapping("/scenarios/{id}/forms/{activityId}")
    @Operation(summary = "Attach or replace the form definition of a start event or user task")
    StoredForm saveForm(@PathVariable String id, @PathVariable String activityId, @RequestBody FormDefinition definition) {
        return forms.save(currentUser.get(), id, activityId, definition);
    }

    @DeleteMapping("/scenarios/{id}/forms/{activityId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void deleteForm(@PathVariable String id, @PathVariable String activityId) {
        forms.delete(currentUser.get(), id, activityId);
    }
}
