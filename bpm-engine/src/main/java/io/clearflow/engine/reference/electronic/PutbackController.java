package io.clearflow.engine.reference.electronic;

import io.clearflow.engine.api.Idempotent;
import io.clearflow.engine.security.CurrentUser;
import io.clearflow.engine.work.WorkService;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/putback-registrations")
@Tag(name = "Put-back registration (electronic mode)",
        description = "An issuer's put-back registration: registry review, clearing second review, sign-off")
class PutbackController {

    private final PutbackService putbacks;
    private final WorkService work;
    private final CurrentUser currentUser;

    PutbackController(PutbackService putbacks, WorkService work, CurrentUser currentUser) {
        this.putbacks = putbacks;
        this.work = work;
        this.currentUser = currentUser;
    }

    @Idempotent
    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Submit a registration (fields of form putback-registration, see /api/forms/putback-registration)")
    PutbackRegistration submit(@RequestBody Map<String, Object> values) {
        return putbacks.submit(currentUser.get(), values);
    }

    record Details(PutbackRegistration registration, List<PutbackRegistration.Review> reviews) { }

    @GetMapping("/case/{caseId}")
    Details forCase(@PathVariable String caseId) {
        work.caseOf(currentUser.get(), caseId); // 404 unless the caller may follow the case
        PutbackRegistration registration = putbacks.forCase(caseId);
        return new Details(registration, putbacks.reviews(registration.id()));
    }
}
