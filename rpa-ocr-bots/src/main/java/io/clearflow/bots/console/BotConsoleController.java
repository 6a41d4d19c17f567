package io.clearflow.bots.console;

import io.clearflow.bots.runtime.BotException;
import io.clearflow.bots.runtime.BotRuntime;
import io.clearflow.bots.runtime.BotStatus;
import io.clearflow.bots.runtime.RunItem;
import io.clearflow.bots.runtime.RunReport;
import java.security.Principal;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** The RPA console over REST: bots, their runs and items, pause/resume and run now. */
@RestController
@RequestMapping("/api/rpa/bots")
@PreAuthorize("hasAnyRole('ADMIN','OPS','PROCESS_OWNER')")
class BotConsoleController {

    private final BotRuntime runtime;

    BotConsoleController(BotRuntime runtime) {
        this.runtime = runtime;
    }

    /** A run with the jobs it worked on. */
    record RunDetail(RunReport run, List<RunItem> items) { }

    @GetMapping
    List<BotStatus> bots() {
        return runtime.bots();
    }

    @GetMapping("/{bot}")
    BotStatus bot(@PathVariable String bot) {
        return runtime.status(bot);
    }

    @GetMapping("/{bot}/runs")
    List<RunReport> runs(@PathVariable String bot, @RequestParam(defaultValue = "20") int limit) {
        return runtime.runs(bot, limit);
    }

    @GetMapping("/{bot}/runs/{runId}")
    RunDetail run(@PathVariable String bot, @PathVariable long runId) {
        RunReport run = runtime.run(runId).filter(r -> r.bot().equals(bot))
                .orElseThrow(() -> new BotException(BotException.Reason.UNKNOWN_BOT, "bot " + bot + " has no run " + runId));
        return new RunDetail(run, runtime.items(runId));
    }

    @GetMapping("/{bot}/handed")
    List<RunItem> handed(@PathVariable String bot, @RequestParam(defaultValue = "50") int limit) {
        return runtime.handedToPeople(bot, limit);
    }

    @PostMapping("/{bot}/run")
    @ResponseStatus(HttpStatus.ACCEPTED)
    RunReport runNow(@PathVariable String bot, Principal principal) {
        return runtime.runNow(bot, principal.getName());
    }

    @PostMapping("/{bot}/pause")
    BotStatus pause(@PathVariable String bot, Principal principal) {
        return runtime.pause(bot, principal.getName());
    }

    @PostMapping("/{bot}/resume")
    BotStatus resume(@PathVariable String bot, Principal principal) {
        return runtime.resume(bot, principal.getName());
    }

    @ExceptionHandler(BotException.class)
    ProblemDetail refused(BotException e) {
        HttpStatus status = e.reason() == BotException.Reason.UNKNOWN_BOT ? HttpStatus.NOT_FOUND : HttpStatus.CONFLICT;
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, e.getMessage());
        problem.setProperty("reason", e.reason().name());
        return problem;
    }
}
