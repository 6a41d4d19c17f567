package io.clearflow.regtech.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.clearflow.demand.api.DemandDeliveryStatus;
import io.clearflow.engine.api.Flash;
import io.clearflow.engine.api.InvalidRequestException;
import io.clearflow.engine.api.Member;
import io.clearflow.engine.security.CurrentUser;
import io.clearflow.regtech.item.Item;
import io.clearflow.regtech.item.ItemFilter;
import io.clearflow.regtech.item.ItemService;
import io.clearflow.regtech.item.TopicDictionary;
import io.clearflow.regtech.poll.PollResult;
import io.clearflow.regtech.poll.PollService;
import io.clearflow.regtech.source.SourceInput;
import io.clearflow.regtech.source.SourceService;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Pages of the tracker and of source administration. */
@Controller
class RegtechPageController {

    private final ItemService items;
    private final SourceService sources;
    private final PollService polls;
    private final io.clearflow.regtech.assess.AssessmentService assessments;
    private final CurrentUser currentUser;
    private final io.clearflow.regtech.subscribe.NoticeService notices;
    private final ObjectMapper json;
    private final ZoneId zone;
    private final ObjectProvider<DemandDeliveryStatus> delivery;

    RegtechPageController(ItemService items, SourceService sources, PollService polls,
                          io.clearflow.regtech.assess.AssessmentService assessments, CurrentUser currentUser, ObjectMapper json,
                          @Value("${clearflow.web.zone:Asia/Shanghai}") String zone,
                          io.clearflow.regtech.subscribe.NoticeService notices, ObjectProvider<DemandDeliveryStatus> delivery) {
        this.delivery = delivery;
        this.notices = notices;
        this.items = items;
        this.sources = sources;
        this.polls = polls;
        this.assessments = assessments;
        this.currentUser = currentUser;
        this.json = json;
        this.zone = ZoneId.of(zone);
    }

    @GetMapping("/regtech")
    String tracker(@RequestParam(required = false) Long source,
                   @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                   @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                   @RequestParam(required = false) String jurisdiction, @RequestParam(required = false) String organisation,
                   @RequestParam(required = false) String topic, @RequestParam(required = false) String status,
                   @RequestParam(required = false) String q, @RequestParam(defaultValue = "0") int page, Model model)
            throws JsonProcessingException {
        Member me = currentUser.get();
        model.addAttribute("noticesUnread", notices.unread(me));
        ItemFilter filter = new ItemFilter(source, from, to, jurisdiction, organisation, topic, status, q, page, 50);
        ItemService.Page result = items.search(filter);
        model.addAttribute("filter", filter);
        model.addAttribute("result", result);
        model.addAttribute("topics", TopicDictionary.TOPIC_ORDER);
        model.addAttribute("statuses", Item.STATUSES);
        model.addAttribute("jurisdictions", items.jurisdictions());
        model.addAttribute("organisations", items.organisations());
        model.addAttribute("hasNext", (long) (page + 1) * 50 < result.total());
        model.addAttribute("today", LocalDate.now(zone));
        SortedMap<String, Long> months = items.perMonth(filter, zone);
        model.addAttribute("timeline", json.writeValueAsString(Map.of(
                "tooltip", Map.of(), "grid", Map.of("left", 40, "right", 10, "top", 10, "bottom", 30),
                "xAxis", Map.of("type", "category", "data", List.copyOf(months.keySet())),
                "yAxis", Map.of("type", "value", "minInterval", 1),
                "series", List.of(Map.of("type", "bar", "data", List.copyOf(months.values()))))));
        model.addAttribute("exportQuery", exportQuery(filter));
        return "regtech/tracker";
    }

    private static String exportQuery(ItemFilter f) {
        var b = org.springframework.web.util.UriComponentsBuilder.newInstance();
        if (f.source() != null) b.queryParam("source", f.source());
        if (f.from() != null) b.queryParam("from", f.from());
        if (f.to() != null) b.queryParam("to", f.to());
        if (f.jurisdiction() != null) b.queryParam("jurisdiction", f.jurisdiction());
        if (f.organisation() != null) b.queryParam("organisation", f.organisation());
        if (f.topic() != null) b.queryParam("topic", f.topic());
        if (f.status() != null) b.queryParam("status", f.status());
        if (f.q() != null) b.queryParam("q", f.q());
        return b.encode().build().toUriString();
    }

    @GetMapping("/regtech/items/{id}")
    String item(@PathVariable long id, Model model) {
        Member me = currentUser.get();
        model.addAttribute("detail", items.detail(id));
        model.addAttribute("member", me);
        var assessment = assessments.forItem(me, id).orElse(null);
        model.addAttribute("assessment", assessment);
        // "the item shows the demand's state and, later, its delivery": where the raised demand's versions are deployed
        DemandDeliveryStatus status = delivery.getIfAvailable();
        if (assessment != null && assessment.demand().isPresent() && status != null) {
            model.addAttribute("deliveries", status.versionsOf(assessment.demand().get().id()));
        }
        model.addAttribute("compliance", me.hasRole(io.clearflow.engine.api.PlatformRole.COMPLIANCE));
        model.addAttribute("departmentsToAssess", java.util.List.of("dept-registry", "dept-clearing", "dept-account",
                "dept-operations", "dept-it"));
        model.addAttribute("today", LocalDate.now(zone));
        return "regtech/item";
    }

    @GetMapping("/regtech/sources")
    String sources(Model model) {
        SourceService.checkAdmin(currentUser.get());
        model.addAttribute("sources", sources.list());
        return "regtech/sources";
    }

    @PostMapping("/regtech/sources")
    String addSource(@ModelAttribute SourceInput input, RedirectAttributes redirect) {
        try {
            sources.create(currentUser.get(), input);
            redirect.addFlashAttribute("flash", "regtech.source.added");
        } catch (InvalidRequestException e) {
            Flash.error(redirect, e);
        }
        return "redirect:/regtech/sources";
    }

    @PostMapping("/regtech/sources/{id}/enabled")
    String enable(@PathVariable long id, @RequestParam boolean enabled, RedirectAttributes redirect) {
        sources.setEnabled(currentUser.get(), id, enabled);
        redirect.addFlashAttribute("flash", enabled ? "regtech.source.enabledNow" : "regtech.source.disabledNow");
        return "redirect:/regtech/sources";
    }

    @PostMapping("/regtech/sources/{id}/poll")
    String poll(@PathVariable long id, RedirectAttributes redirect) {
        SourceService.checkAdmin(currentUser.get());
        PollResult r = polls.poll(currentUser.get(), id);
        if (r.status().equals("ok")) {
            redirect.addFlashAttribute("pollMessage", r.message());
        } else {
            // the reason is shown in the reader's language in the source's row ("last error")
            redirect.addFlashAttribute("flashError", "regtech.poll.failed");
        }
        return "redirect:/regtech/sources";
    }

    @PostMapping("/regtech/sources/{id}/test")
    String test(@PathVariable long id, Model model) {
        PollResult r = polls.test(currentUser.get(), id);
        model.addAttribute("source", sources.get(id));
        model.addAttribute("result", r);
        return "regtech/source-test";
    }
}
