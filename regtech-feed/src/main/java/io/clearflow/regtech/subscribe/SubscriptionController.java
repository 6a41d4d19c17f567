package io.clearflow.regtech.subscribe;

import io.clearflow.engine.security.CurrentUser;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Subscriptions, notices and the weekly digest over REST (every signed-in member, for themselves). */
@RestController
@RequestMapping("/api/regtech")
@PreAuthorize("isAuthenticated()")
@Tag(name = "Regtech subscriptions", description = "Subscribe to topics, jurisdictions and organisations; notices; weekly digest")
class SubscriptionController {

    private final SubscriptionService subscriptions;
    private final NoticeService notices;
    private final DigestService digests;
    private final DigestMail mail;
    private final CurrentUser currentUser;

    SubscriptionController(SubscriptionService subscriptions, NoticeService notices, DigestService digests, DigestMail mail,
                           CurrentUser currentUser) {
        this.subscriptions = subscriptions;
        this.notices = notices;
        this.digests = digests;
        this.mail = mail;
        this.currentUser = currentUser;
    }

    @GetMapping("/subscriptions")
    @Operation(summary = "The caller's subscriptions and their department's")
    List<Subscription> mine() {
        return subscriptions.mine(currentUser.get());
    }

    @PostMapping("/subscriptions")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Subscribe: scope me|department (department: administrators, or the department's process owners and "
            + "IT managers), kind topic|jurisdiction|organisation, term")
    Subscription add(@Valid @RequestBody SubscriptionService.NewSubscription in) {
        return subscriptions.add(currentUser.get(), in);
    }

    @DeleteMapping("/subscriptions/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void remove(@PathVariable long id) {
        subscriptions.remove(currentUser.get(), id);
    }

    @GetMapping("/notices")
    @Operation(summary = "Notices of new matching items (one per poll round and subscriber), newest first")
    List<NoticeService.NoticeView> notices(@RequestParam(defaultValue = "50") int size) {
        return notices.notices(currentUser.get(), size);
    }

    @PostMapping("/notices/{id}/read")
    Notice read(@PathVariable long id) {
        return notices.markRead(currentUser.get(), id);
    }

    @GetMapping("/digest")
    @Operation(summary = "The caller's weekly digest (week=YYYY-Www, default this week) as e-mail-ready HTML: inline styles, no scripts")
    ResponseEntity<String> digest(@RequestParam(required = false) String week) {
        // not produces=text/html: a bad week must still be answered as problem details
        return ResponseEntity.ok().contentType(new MediaType(MediaType.TEXT_HTML, java.nio.charset.StandardCharsets.UTF_8))
                .body(mail.render(digests.digest(currentUser.get(), week)));
    }
}
