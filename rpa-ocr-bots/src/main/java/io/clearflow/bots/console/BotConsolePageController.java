package io.clearflow.bots.console;

import io.clearflow.bots.runtime.BotException;
import io.clearflow.bots.runtime.BotRuntime;
import io.clearflow.bots.runtime.BotStatus;
import java.security.Principal;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The RPA console page (机器人控制台): bots with their record, recent runs, items handed to people. */
@Controller
@PreAuthorize("hasAnyRole('ADMIN','OPS','PROCESS_OWNER')")
class BotConsolePageController {

    private final BotRuntime runtime;

    BotConsolePageController(BotRuntime runtime) {
        this.runtime = runtime;
    }

    @GetMapping("/rpa")
    String console(Model model) {
        var bots = runtime.bots();
        Map<String, Object> runs = new LinkedHashMap<>();
        Map<String, Object> handed = new LinkedHashMap<>();
        for (BotStatus bot : bots) {
            runs.put(bot.name(), runtime.runs(bot.name(), 10));
            handed.put(bot.name(), runtime.handedToPeople(bot.name(), 10));
        }
        model.addAttribute("bots", bots);
        model.addAttribute("runs", runs);
        model.addAttribute("handed", handed);
        return "rpa/console";
    }

    @GetMapping("/rpa/runs/{runId}")
    String run(@PathVariable long runId, Model model) {
        var run = runtime.run(runId).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "no run " + runId));
        model.addAttribute("run", run);
        model.addAttribute("items", runtime.items(runId));
        return "rpa/run";
    }

    @PostMapping("/rpa/bots/{bot}/run")
    String runNow(@PathVariable String bot, Principal principal, RedirectAttributes redirect) {
        return act(redirect, "rpa.flash.started", () -> runtime.runNow(bot, principal.getName()));
    }

    @PostMapping("/rpa/bots/{bot}/pause")
    String pause(@PathVariable String bot, Principal principal, RedirectAttributes redirect) {
        return act(redirect, "rpa.flash.paused", () -> runtime.pause(bot, principal.getName()));
    }

    @PostMapping("/rpa/bots/{bot}/resume")
    String resume(@PathVariable String bot, Principal principal, RedirectAttributes redirect) {
        return act(redirect, "rpa.flash.resumed", () -> runtime.resume(bot, principal.getName()));
    }

    private String act(RedirectAttributes redirect, String done, Runnable action) {
        try {
            action.run();
            redirect.addFlashAttribute("flash", done);
        } catch (BotException e) {
            redirect.addFlashAttribute("flashError", "rpa.refused." + e.reason().name());
        }
        return "redirect:/rpa";
    }
}
