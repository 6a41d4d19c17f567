package io.clearflow.engine.reference.accountopening;

import io.clearflow.engine.api.Idempotent;
import io.clearflow.engine.security.CurrentUser;
import io.clearflow.engine.work.WorkService;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
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

@RestController
@RequestMapping("/api/account-opening")
@Tag(name = "Account opening", description = "开户: the intelligent-mode reference process (applications, the bot's endpoints, the review)")
class AccountOpeningController {

    private final AccountOpeningService service;
    private final WorkService work;
    private final CurrentUser currentUser;

    AccountOpeningController(AccountOpeningService service, WorkService work, CurrentUser currentUser) {
        this.service = service;
        this.work = work;
        this.currentUser = currentUser;
    }

    @Idempotent
    @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Apply: investor details and the ID-card image (PNG or JPEG, at most 5 MB); investors "
            + "(role participant) for themselves, business staff on an investor's behalf")
    AccountApplication apply(@RequestParam String name, @RequestParam String idNumber, @RequestParam String phone,
                             @RequestParam String address, @RequestPart(value = "image", required = false) MultipartFile image)
            throws IOException {
        byte[] content = image == null ? new byte[0] : image.getBytes();
        return service.apply(currentUser.get(), new AccountOpeningService.Form(name, idNumber, phone, address), content);
    }

    @GetMapping("/{id}")
    @Operation(summary = "An application, for those who may follow its case")
    AccountApplication application(@PathVariable long id) {
        return visible(id);
    }

    @GetMapping("/{id}/id-image")
    ResponseEntity<byte[]> image(@PathVariable long id) {
        AccountApplication application = visible(id);
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(application.imageType()))
                .header("X-Content-Type-Options", "nosniff").body(service.image(id));
    }

    record Decision(@NotNull Boolean open, @Size(max = 2000) String comment) { }

    @Idempotent
    @PostMapping("/tasks/{taskId}/decision")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "账户管理部 opens or rejects an application the bot handed over")
    void decide(@PathVariable String taskId, @Valid @RequestBody Decision decision) {
        service.decide(currentUser.get(), taskId, decision.open(), decision.comment());
    }

    // --- what the account-opening bot reads and reports (role BOT)

    @GetMapping("/bot/applications/{id}")
    @PreAuthorize("hasRole('BOT')")
    @Operation(summary = "Bot: the application to check")
    AccountApplication forBot(@PathVariable long id) {
        return service.application(id);
    }

    @GetMapping("/bot/applications/{id}/id-image")
    @PreAuthorize("hasRole('BOT')")
    ResponseEntity<byte[]> imageForBot(@PathVariable long id) {
        AccountApplication application = service.application(id);
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(application.imageType())).body(service.image(id));
    }

    @GetMapping("/bot/accounts")
    @PreAuthorize("hasRole('BOT')")
    @Operation(summary = "Bot: the account already opened for an ID number, if any")
    Map<String, Object> existingAccount(@RequestParam String idNumber) {
        return service.accountFor(idNumber).<Map<String, Object>>map(no -> Map.of("exists", true, "accountNo", no))
                .orElse(Map.of("exists", false));
    }

    record FindingsRequest(@NotNull Boolean passed, @Size(max = 12) List<@Size(max = 300) String> findings,
                           @Size(max = 100) String ocrName, @Size(max = 40) String ocrIdNumber) { }

    @PutMapping("/bot/applications/{id}/findings")
    @PreAuthorize("hasRole('BOT')")
    @Operation(summary = "Bot: its findings (replacing earlier ones); the routing fact goes with the job's completion")
    AccountApplication findings(@PathVariable long id, @Valid @RequestBody FindingsRequest request) {
        return service.recordFindings(id, new AccountOpeningService.Findings(request.passed(),
                request.findings() == null ? List.of() : request.findings(), request.ocrName(), request.ocrIdNumber()));
    }

    private AccountApplication visible(long id) {
        AccountApplication application = service.application(id);
        work.caseOf(currentUser.get(), application.caseId()); // 404 unless the caller may follow the case
        return application;
    }
}
