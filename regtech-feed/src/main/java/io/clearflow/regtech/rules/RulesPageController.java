package io.clearflow.regtech.rules;

import io.clearflow.engine.api.ConflictException;
import io.clearflow.engine.api.Flash;
import io.clearflow.engine.api.InvalidRequestException;
import io.clearflow.engine.security.CurrentUser;
import io.clearflow.regtech.source.SourceService;
import java.util.Arrays;
import java.util.List;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The dictionary page: a topic's keywords one per line, its departments, and reclassification with progress. */
@Controller
class RulesPageController {

    private final TopicRules rules;
    private final Reclassifier reclassifier;
    private final CurrentUser currentUser;

    RulesPageController(TopicRules rules, Reclassifier reclassifier, CurrentUser currentUser) {
        this.rules = rules;
        this.reclassifier = reclassifier;
        this.currentUser = currentUser;
    }

    @GetMapping("/regtech/dictionary")
    String page(Model model) {
        SourceService.checkAdmin(currentUser.get());
        model.addAttribute("rules", rules.rules());
        model.addAttribute("job", reclassifier.latest().orElse(null));
        model.addAttribute("newline", "\n");
        return "regtech/dictionary";
    }

    @PostMapping("/regtech/dictionary/{topic}")
    String update(@PathVariable String topic, @RequestParam(defaultValue = "") String keywords,
                  @RequestParam(defaultValue = "") String departments, RedirectAttributes redirect) {
        try {
            rules.update(currentUser.get(), topic, new TopicRules.RuleInput(lines(keywords, "\\R"), lines(departments, "[,\\s]+")));
            redirect.addFlashAttribute("flash", "regtech.rules.saved");
        } catch (InvalidRequestException e) {
            Flash.error(redirect, e);
        }
        return "redirect:/regtech/dictionary";
    }

    @PostMapping("/regtech/dictionary/{topic}/reset")
    String reset(@PathVariable String topic, RedirectAttributes redirect) {
        rules.reset(currentUser.get(), topic);
        redirect.addFlashAttribute("flash", "regtech.rules.reset");
        return "redirect:/regtech/dictionary";
    }

    @PostMapping("/regtech/reclassify")
    String reclassify(@RequestParam(required = false) String topic, @RequestParam(required = false) String jurisdiction,
                      RedirectAttributes redirect) {
        try {
            reclassifier.start(currentUser.get(), new Reclassifier.Request(jurisdiction, null, topic, null, null));
            redirect.addFlashAttribute("flash", "regtech.rules.reclassifyStarted");
        } catch (InvalidRequestException | ConflictException e) {
            Flash.error(redirect, e);
        }
        return "redirect:/regtech/dictionary";
    }

    private static List<String> lines(String text, String separator) {
        return Arrays.stream(text.split(separator)).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }
}
