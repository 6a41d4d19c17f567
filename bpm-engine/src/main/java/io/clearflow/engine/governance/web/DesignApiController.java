package io.clearflow.engine.governance.web;

import io.clearflow.engine.governance.ValidationReport;
import io.clearflow.engine.governance.catalog.BpmnFile;
import io.clearflow.engine.governance.catalog.CatalogService;
import io.clearflow.engine.governance.catalog.Design;
import io.clearflow.engine.governance.catalog.ModelValidation;
import io.clearflow.engine.governance.catalog.ScenarioReads;
import io.clearflow.engine.security.CurrentUser;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** Step 3 on REST: a scenario's BPMN models (upload, offered drafts, validation, diagram), and validating any file. */
@RestController
@RequestMapping("/api/governance")
@Tag(name = "Governance", description = "Process-governance catalog (five-step method). Manage: PROCESS_OWNER (own "
        + "department), ADMIN; read: COMPLIANCE, IT_MANAGER; feedback: anyone who may see the case")
class DesignApiController {

    private final CatalogService catalog;
    private final ModelValidation validation;
    private final ScenarioReads reads;
    private final CurrentUser currentUser;

    DesignApiController(CatalogService catalog, ModelValidation validation, ScenarioReads reads, CurrentUser currentUser) {
        this.catalog = catalog;
        this.validation = validation;
        this.reads = reads;
        this.currentUser = currentUser;
    }

    @PostMapping(value = "/validate", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "Validate a BPMN file (Flowable's validator and the platform's rules); changes nothing",
            description = "Optional 'mode' (electronic, self-service, intelligent) adds the mode's rules. Answers 200 with "
                    + "{valid, errors[{elementId, message}], warnings} for any file; 413 over 5 MB.")
    ValidationReport validate(@RequestParam("file") MultipartFile file, @RequestParam(required = false) String mode)
            throws IOException {
        return validation.validate(currentUser.get(), BpmnFile.of(file), mode);
    }

    @PostMapping(value = "/scenarios/{id}/design", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Upload or replace the scenario's BPMN model; it is validated and stored with its report (step 3)")
    Design upload(@PathVariable String id, @RequestParam("file") MultipartFile file) throws IOException {
        return catalog.upload(currentUser.get(), id, BpmnFile.of(file));
    }

    @GetMapping("/scenarios/{id}/design")
    Design design(@PathVariable String id) {
        return reads.design(currentUser.get(), id);
    }

    @PostMapping("/scenarios/{id}/design/validation")
    @Operation(summary = "Validate the current design again, against the scenario's current mode")
    Design revalidate(@PathVariable String id) {
        return catalog.revalidate(currentUser.get(), id);
    }

    @GetMapping(value = "/scenarios/{id}/design/bpmn", produces = MediaType.APPLICATION_XML_VALUE)
    byte[] designBpmn(@PathVariable String id) {
        return reads.bpmn(currentUser.get(), id);
    }

    @GetMapping(value = "/scenarios/{id}/design/diagram", produces = MediaType.IMAGE_PNG_VALUE)
    @Operation(summary = "The current design drawn as PNG by Flowable's diagram generator; 409 when it has no BPMN DI")
    ResponseEntity<byte[]> diagram(@PathVariable String id) {
        return ResponseEntity.ok().contentType(MediaType.IMAGE_PNG).body(reads.diagram(currentUser.get(), id));
    }

    @PostMapping("/scenarios/{id}/drafts/{designId}/adoption")
    @Operation(summary = "Make an offered draft (e.g. from process mining) the current design")
    Design adopt(@PathVariable String id, @PathVariable long designId) {
        return catalog.adopt(currentUser.get(), id, designId);
    }
}
