package io.clearflow.regtech.poll;

import io.clearflow.engine.security.CurrentUser;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Polling a source now, and a test fetch that shows what would be added. */
@RestController
@RequestMapping("/api/regtech/sources/{id}")
@Tag(name = "Regtech sources")
class PollController {

    private final PollService polls;
    private final CurrentUser currentUser;

    PollController(PollService polls, CurrentUser currentUser) {
        this.polls = polls;
        this.currentUser = currentUser;
    }

    /** The poll's answer: status ok|error, added, duplicates, message (and clustered). */
    record PollResponse(String status, int added, int duplicates, int clustered, String message) { }

    @PostMapping("/poll")
    @Operation(summary = "Poll the source now; a refused or broken document gives status error with the reason, never a 5xx")
    PollResponse poll(@PathVariable long id) {
        PollResult r = polls.poll(currentUser.get(), id);
        return new PollResponse(r.status(), r.added(), r.duplicates(), r.clustered(), r.message());
    }

    @PostMapping("/test")
    @Operation(summary = "Fetch now and show what would be added, storing nothing (administrators)")
    PollResult test(@PathVariable long id) {
        return polls.test(currentUser.get(), id);
    }
}
