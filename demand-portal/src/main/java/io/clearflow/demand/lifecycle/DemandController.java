package io.clearflow.demand.lifecycle;

import io.clearflow.engine.api.Idempotent;
import io.clearflow.demand.api.NewDemand;
import io.clearflow.engine.api.InvalidRequestException;
import io.clearflow.engine.api.Member;
import io.clearflow.engine.security.CurrentUser;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** The demand lifecycle over REST; every page action has its call here. */
@RestController
@RequestMapping("/api/demands")
@Tag(name = "Demands", description = "Submit, triage, review, evaluate, split, track and accept demands")
class DemandController {

    private final DemandService demands;
    private final DemandQueries queries;
    private final CurrentUser currentUser;
    private final DemandConsistency consistency;

    DemandController(DemandService demands, DemandQueries queries, CurrentUser currentUser, DemandConsistency consistency) {
        this.consistency = consistency;
        this.demands = demands;
        this.queries = queries;
        this.currentUser = currentUser;
    }

    record SubmitRequest(String title, String description, String category, String businessValue, String urgency,
                         Boolean regulatory, String regulationRef, LocalDate expectedDate) { }

    @Idempotent
    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Submit a demand from the caller's department; it waits for IT demand management's triage")
    Demand submit(@RequestBody SubmitRequest r) {
        return demands.submit(currentUser.get(), new NewDemand(r.title(), r.description(), r.category(),
                r.businessValue(), r.urgency(), Boolean.TRUE.equals(r.regulatory()), r.regulationRef(),
                r.expectedDate(), null), List.of());
    }

    @GetMapping
    @Operation(summary = "The caller's demands (mine=true) or a department's demands, newest first")
    List<Demand> list(@RequestParam(defaultValue = "false") boolean mine, @RequestParam(required = false) String department,
                      @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size) {
        return queries.list(currentUser.get(), mine, department, page, size);
    }

    @GetMapping("/states")
    @Operation(summary = "Current state of the given demands the caller may see (for live status on pages)")
    Map<Long, String> states(@RequestParam List<Long> ids) {
        return queries.states(currentUser.get(), ids);
    }

    @GetMapping("/consistency")
    @Operation(summary = "Administrators: open demands whose process does not wait at the step of their state")
    List<DemandConsistency.Stranded> consistency() {
        return consistency.check(currentUser.get());
    }

    @Idempotent
    @PostMapping("/{id}/repair")
    @Operation(summary = "Administrators: move a stranded demand's process back to the step of its state")
    Demand repair(@PathVariable long id) {
        return consistency.repair(currentUser.get(), id);
    }

    @GetMapping("/{id}")
    DemandService.DemandDetail detail(@PathVariable long id) {
        return demands.detail(currentUser.get(), id);
    }

    record Decision(Boolean accepted, String reason) {
        boolean yes() {
            if (accepted == null) {
                throw new InvalidRequestException("demand.error.decision", Map.of("accepted", "demand.error.decisionValue"));
            }
            return accepted;
        }
    }

    @Idempotent
    @PostMapping("/{id}/triage")
    @Operation(summary = "IT demand management accepts the demand, or rejects it with a reason")
    Demand triage(@PathVariable long id, @RequestBody Decision d) {
        return demands.triage(currentUser.get(), id, d.yes(), d.reason());
    }

    @Idempotent
    @PostMapping("/{id}/compliance")
    @Operation(summary = "Compliance approves a regulated demand, or rejects it with a reason")
    Demand compliance(@PathVariable long id, @RequestBody Decision d) {
        return demands.complianceDecision(currentUser.get(), id, d.yes(), d.reason());
    }

    @Idempotent
    @PostMapping("/{id}/evaluation")
    @Operation(summary = "Record value score, workload estimate, priority and target version")
    Demand evaluate(@PathVariable long id, @RequestBody DemandInput.Evaluation e) {
        return demands.evaluate(currentUser.get(), id, e);
    }

    record SplitRequest(List<DemandInput.NewTask> tasks) { }

    @Idempotent
    @PostMapping("/{id}/split")
    @Operation(summary = "Split into development tasks (one Jira issue each when Jira is configured)")
    DemandService.DemandDetail split(@PathVariable long id, @RequestBody SplitRequest r) {
        Member me = currentUser.get();
        demands.split(me, id, r.tasks());
        return demands.detail(me, id);
    }

    record TaskUpdate(DemandTask.Status status, BigDecimal actualDays) { }

    @PutMapping("/tasks/{taskId}")
    @Operation(summary = "Update a development task tracked here (not linked to Jira)")
    DemandTask updateTask(@PathVariable long taskId, @RequestBody TaskUpdate u) {
        return demands.updateTask(currentUser.get(), taskId, u.status(), u.actualDays());
    }

    @Idempotent
    @PostMapping("/{id}/delivery")
    @Operation(summary = "Hand the delivered demand to the requester for business acceptance (all tasks done)")
    Demand deliver(@PathVariable long id) {
        return demands.deliver(currentUser.get(), id);
    }

    @Idempotent
    @PostMapping("/{id}/acceptance")
    @Operation(summary = "The requester accepts the delivery, or rejects it with a reason (back to tracking)")
    Demand acceptance(@PathVariable long id, @RequestBody Decision d) {
        return demands.acceptance(currentUser.get(), id, d.yes(), d.reason());
    }
}
