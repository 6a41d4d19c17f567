package io.clearflow.regtech.subscribe;

import io.clearflow.engine.api.Flash;
import io.clearflow.engine.api.InvalidRequestException;
import io.clearflow.engine.api.Member;
import io.clearflow.engine.security.CurrentUser;
import io.clearflow.regtech.item.ItemService;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The subscriptions page (own and managed departments' subscriptions, notices) and the digest page. */
@Controller
class SubscriptionPageController {

    private final SubscriptionService subscriptions;
    private final NoticeService notices;
    private final DigestService digests;
    private final ItemService items;
    private final CurrentUser currentUser;

    SubscriptionPageController(SubscriptionService subscriptions, NoticeService notices, DigestService digests, ItemService items,
                               CurrentUser currentUser) {
        this.subscriptions = subscriptions;
        this.notices = notices;
        this.digests = digests;
        this.items = items;
        this.currentUser = currentUser;
    }

    @GetMapping("/regtech/subscriptions")
    String page(Model model) {
        Member me = currentUser.get();
        List<String> manageable = subscriptions.manageableDepartments(me);
        Map<Long, Subscription> shown = new LinkedHashMap<>();
        subscriptions.mine(me).forEach(s -> shown.put(s.id(), s));
        for (String d : manageable) {
            subscriptions.ofDepartment(me, d).forEach(s -> shown.put(s.id(), s));
        }
        model.addAttribute("subscriptions", new ArrayList<>(shown.values()));
        model.addAttribute("manageable", manageable);
        model.addAttribute("notices", notices.notices(me, 30));
        model.addAttribute("unread", notices.unread(me));
        model.addAttribute("topics", subscriptions.topics().stream().sorted().toList());
        model.addAttribute("jurisdictions", items.jurisdictions());
        model.addAttribute("organisations", items.organisations());
        return "regtech/subscriptions";
    }

    /** One subscription per field filled in (topic, jurisdiction, organisation), for me or a department. */
    @PostMapping("/regtech/subscriptions")
    String add(@RequestParam(defaultValue = "me") String target, @RequestParam(required = false) String topic,
               @RequestParam(required = false) String jurisdiction, @RequestParam(required = false) String organisation,
               RedirectAttributes redirect) {
        Member me = currentUser.get();
        String scope = target.startsWith("department:") ? "department" : "me";
        String department = scope.equals("department") ? target.substring("department:".length()) : null;
        Map<String, String> terms = new LinkedHashMap<>();
        terms.put("topic", topic);
        terms.put("jurisdiction", jurisdiction);
        terms.put("organisation", organisation);
        terms.values().removeIf(v -> v == null || v.isBlank());
        try {
            if (terms.isEmpty()) {
                throw new InvalidRequestException("regtech.error.subscription", Map.of("term", "regtech.error.subscriptionEmpty"));
            }
            terms.forEach((kind, term) -> subscriptions.add(me,
                    new SubscriptionService.NewSubscription(scope, department, kind, term)));
            redirect.addFlashAttribute("flash", "regtech.subscribe.added");
        } catch (InvalidRequestException e) {
            Flash.error(redirect, e);
        }
        return "redirect:/regtech/subscriptions";
    }

    @PostMapping("/regtech/subscriptions/{id}/delete")
    String remove(@PathVariable long id, RedirectAttributes redirect) {
        subscriptions.remove(currentUser.get(), id);
        redirect.addFlashAttribute("flash", "regtech.subscribe.removed");
        return "redirect:/regtech/subscriptions";
    }

    @PostMapping("/regtech/notices/{id}/read")
    String read(@PathVariable long id) {
        notices.markRead(currentUser.get(), id);
        return "redirect:/regtech/subscriptions#notices-heading";
    }

    @GetMapping("/regtech/digest")
    String digest(@RequestParam(required = false) String week, Model model) {
        model.addAttribute("digest", digests.digest(currentUser.get(), week));
        model.addAttribute("base", "");
        return "regtech/digest";
    }
}
