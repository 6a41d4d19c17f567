package io.clearflow.engine.reference.reconciliation;

import io.clearflow.engine.api.Idempotent;
import io.clearflow.engine.api.InvalidRequestException;
import io.clearflow.engine.api.NotFoundException;
import io.clearflow.engine.security.CurrentUser;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** REST of reconciliation: the bot submits results and reads the platform's records; people read and confirm. */
@RestController
@RequestMapping("/api/reconciliation")
@Tag(name = "Reconciliation", description = "对账: results of the reconciliation bot and their confirmation by 清算交收部")
class ReconciliationController {

    private final ReconciliationConfirmationService service;
    private final CurrentUser currentUser;

    ReconciliationController(ReconciliationConfirmationService service, CurrentUser currentUser) {
        this.service = service;
        this.currentUser = currentUser;
    }

    @Idempotent
    @PostMapping(path = "/documents", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Bot: submit a reconciliation result (part result: JSON, part image: PNG of the first page); "
            + "opens the confirmation task in 清算交收部. 409 when the content hash is already known")
    ReconciliationConfirmationService.Submitted submit(@RequestPart("result") MultipartFile result,
                                                      @RequestPart(name = "image", required = false) MultipartFile image)
            throws IOException {
        return service.submit(currentUser.get(), result.getBytes(), image == null || image.isEmpty() ? null : image.getBytes());
    }

    record Exists(boolean exists) { }

    @GetMapping("/documents/exists")
    @Operation(summary = "Bot: whether a document with this content hash (SHA-256 hex) was already submitted")
    Exists exists(@RequestParam String hash) {
        return new Exists(service.exists(currentUser.get(), hash));
    }

    @GetMapping("/documents")
    List<ReconciliationDocument> recent(@RequestParam(defaultValue = "50") int limit) {
        return service.recent(currentUser.get(), limit);
    }

    @GetMapping("/documents/{id}")
    ReconciliationDocument document(@PathVariable long id) {
        return service.document(currentUser.get(), id);
    }

    @GetMapping("/stats")
    @Operation(summary = "Documents by status, confirmed, corrected, and the number of corrections")
    ReconciliationConfirmationService.Stats stats() {
        return service.stats(currentUser.get());
    }

    record Ledger(String type, String key, Map<String, String> fields) { }

    @GetMapping("/ledger")
    @Operation(summary = "Bot: the platform's expected record of a statement (type and key = the type's key fields joined by |)")
    Ledger ledger(@RequestParam String type, @RequestParam String key) {
        return service.ledger(currentUser.get(), type, key).map(f -> new Ledger(type, key, f))
                .orElseThrow(() -> new NotFoundException("expected record", type + " " + key));
    }

    @PutMapping("/ledger")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Admin or bot: book an expected record (replaces the one with the same type and key)")
    void book(@RequestBody Ledger ledger) {
        service.book(currentUser.get(), ledger.type(), ledger.key(), ledger.fields());
    }

    record Confirmation(Map<String, String> fields, String comment) { }

    record Confirmed(int corrections) { }

    @Idempotent
    @PostMapping("/tasks/{taskId}/confirm")
    @Operation(summary = "Confirm a reconciliation, with corrected field values; every changed value is kept as a correction")
    Confirmed confirm(@PathVariable String taskId, @RequestBody Confirmation confirmation) {
        if (confirmation == null) {
            throw new InvalidRequestException("recon.error.bodyRequired", Map.of("fields", "recon.error.required"));
        }
        return new Confirmed(service.confirm(currentUser.get(), taskId,
                confirmation.fields() == null ? Map.of() : confirmation.fields(), confirmation.comment()));
    }
}
