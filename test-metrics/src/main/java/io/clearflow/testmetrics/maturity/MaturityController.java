package io.clearflow.testmetrics.maturity;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.clearflow.engine.api.Flash;
import io.clearflow.engine.api.InvalidRequestException;
import io.clearflow.engine.api.PlatformRole;
import io.clearflow.engine.security.CurrentUser;
import io.clearflow.testmetrics.TestMetricsAccess;
import io.clearflow.testmetrics.maturity.AssessmentInput.SubjectKind;
import io.clearflow.testmetrics.store.VersionRepository;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.multipart.MultipartHttpServletRequest;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriUtils;

/**
 * The maturity page of a system or team: the latest assessment (or the live evidence scores before the first),
 * radars of indicators and domains against the previous assessment and the target level, the next steps, the
 * history, and the assessor's questionnaire; plus the live evidence scores as JSON.
 */
@Controller
@PreAuthorize(TestMetricsAccess.READ)
class MaturityController {

    static final int TARGET = 3;

    private final MaturityService maturity;
    private final MaturityAssessmentService assessments;
    private final VersionRepository versions;
    private final CurrentUser currentUser;
    private final MessageSource messages;
    private final ObjectMapper json;

    MaturityController(MaturityService maturity, MaturityAssessmentService assessments, VersionRepository versions,
                       CurrentUser currentUser, MessageSource messages, ObjectMapper json) {
        this.maturity = maturity;
        this.assessments = assessments;
        this.versions = versions;
        this.currentUser = currentUser;
        this.messages = messages;
        this.json = json;
    }

    @GetMapping("/api/test-metrics/maturity/{project}")
    @ResponseBody
    List<MaturityScorer.Score> scores(@PathVariable String project) {
        return maturity.score(project);
    }

    @GetMapping("/test-metrics/maturity")
    String page(@RequestParam(required = false) String project, @RequestParam(required = false) String team, Model model)
            throws JsonProcessingException {
        List<String> projects = versions.projects();
        boolean isTeam = team != null && !team.isBlank();
        String chosen = isTeam ? team.strip() : project != null ? project : projects.isEmpty() ? null : projects.get(0);
        model.addAttribute("projects", projects);
        model.addAttribute("teams", assessments.teams());
        model.addAttribute("project", isTeam ? null : chosen);
        model.addAttribute("team", isTeam ? chosen : null);
        model.addAttribute("canAssess", canAssess());
        if (chosen == null) {
            return "testmetrics/maturity";
        }
        Locale locale = LocaleContextHolder.getLocale();
        SubjectKind kind = isTeam ? SubjectKind.TEAM : SubjectKind.SYSTEM;
        MaturityAssessmentService.Overview o = assessments.overview(kind, chosen, TARGET, locale);
        model.addAttribute("kind", kind);
        model.addAttribute("subject", chosen);
        model.addAttribute("o", o);
        model.addAttribute("target", o.targetLevel());
        model.addAttribute("questions", questions(o, locale));

        List<Map<String, Object>> axes = new ArrayList<>();
        o.indicators().forEach(r -> axes.add(Map.of("name", label("tm.maturity.indicator." + r.indicator()), "max", 5)));
        List<Map<String, Object>> data = new ArrayList<>();
        data.add(Map.of("name", label(o.latest() == null ? "tm.maturity.scored" : "tm.assess.latest"),
                "value", o.indicators().stream().map(r -> r.level() == null ? 0 : r.level()).toList()));
        if (o.previous() != null) {
            data.add(Map.of("name", label("tm.assess.previous"),
                    "value", o.indicators().stream().map(r -> r.previousLevel() == null ? 0 : r.previousLevel()).toList()));
        }
        data.add(Map.of("name", label("tm.maturity.target"), "value", o.indicators().stream().map(r -> o.targetLevel()).toList()));
        model.addAttribute("radarOption", json.writeValueAsString(radar(axes, data)));

        List<Map<String, Object>> domainAxes = new ArrayList<>();
        o.domains().keySet().forEach(d -> domainAxes.add(Map.of("name", label("tm.maturity.domain." + d), "max", 5)));
        List<Map<String, Object>> domainData = new ArrayList<>();
        domainData.add(Map.of("name", label(o.latest() == null ? "tm.maturity.scored" : "tm.assess.latest"),
                "value", o.domains().values().stream().map(v -> v == null ? 0 : Math.round(v * 10) / 10.0).toList()));
        if (o.previousDomains() != null) {
            domainData.add(Map.of("name", label("tm.assess.previous"), "value", o.domains().keySet().stream()
                    .map(d -> o.previousDomains().get(d) == null ? 0 : Math.round(o.previousDomains().get(d) * 10) / 10.0).toList()));
        }
        domainData.add(Map.of("name", label("tm.maturity.target"), "value", o.domains().keySet().stream().map(d -> o.targetLevel()).toList()));
        model.addAttribute("domainRadarOption", json.writeValueAsString(radar(domainAxes, domainData)));
        return "testmetrics/maturity";
    }

    /** The questionnaire's page action; its REST twin is {@code POST /api/test-metrics/maturity/assessments}. */
    @PostMapping("/test-metrics/maturity/assessments")
    @PreAuthorize(TestMetricsAccess.ASSESS)
    String assess(jakarta.servlet.http.HttpServletRequest request, RedirectAttributes redirect) throws IOException {
        SubjectKind kind = "TEAM".equals(request.getParameter("kind")) ? SubjectKind.TEAM : SubjectKind.SYSTEM;
        String subject = request.getParameter("subject");
        List<AssessmentInput.Answer> answers = new ArrayList<>();
        for (MaturityModel.Indicator i : maturity.model().indicators()) {
            String level = request.getParameter("level." + i.key());
            if (level == null && request.getParameter("text." + i.key()) == null) {
                continue; // scored from evidence: not asked
            }
            answers.add(new AssessmentInput.Answer(i.key(), number(level), request.getParameter("text." + i.key()),
                    request.getParameter("link." + i.key())));
        }
        var input = new AssessmentInput(kind, subject, number(request.getParameter("target")), request.getParameter("note"),
                answers.stream().filter(a -> !a.blank()).toList());
        try {
            // a form without a file input posts urlencoded: no evidence files then, not an error
            assessments.assess(input, request instanceof MultipartHttpServletRequest multipart
                    ? MaturityAssessmentController.files(multipart) : List.of(), currentUser.get().userId());
            redirect.addFlashAttribute("flash", "tm.assess.saved");
        } catch (InvalidRequestException e) {
            Flash.error(redirect, e);
        }
        String param = kind == SubjectKind.TEAM ? "team" : "project";
        return "redirect:/test-metrics/maturity?" + param + "="
                + UriUtils.encodeQueryParam(subject == null ? "" : subject, StandardCharsets.UTF_8);
    }

    /** One question per indicator the platform did not score, pre-filled with the latest assessor answer. */
    private List<Map<String, Object>> questions(MaturityAssessmentService.Overview o, Locale locale) {
        List<Map<String, Object>> out = new ArrayList<>();
        java.util.Set<String> live = new java.util.HashSet<>();
        if (o.latest() == null) {
            // before the first assessment the overview's scores are the live evidence already: not scored twice
            o.indicators().stream().filter(r -> MaturityAssessmentService.EVIDENCE.equals(r.source())).forEach(r -> live.add(r.indicator()));
        } else if (o.kind() == SubjectKind.SYSTEM) {
            maturity.score(o.subject()).stream().filter(s -> s.level() != null).forEach(s -> live.add(s.indicator()));
        }
        for (var r : o.indicators()) {
            var indicator = maturity.model().indicators().stream().filter(i -> i.key().equals(r.indicator())).findFirst().orElseThrow();
            boolean fromEvidence = live.contains(r.indicator());
            Map<String, Object> q = new LinkedHashMap<>();
            q.put("indicator", r.indicator());
            q.put("domain", r.domain());
            q.put("evidence", fromEvidence);
            q.put("level", MaturityAssessmentService.ASSESSOR.equals(r.source()) ? r.level() : null);
            q.put("text", MaturityAssessmentService.ASSESSOR.equals(r.source()) ? r.basis() : null);
            q.put("link", MaturityAssessmentService.ASSESSOR.equals(r.source()) ? r.link() : null);
            List<String> criteria = new ArrayList<>();
            for (int level = 1; level <= 5; level++) {
                criteria.add(indicator.criterion(level, locale));
            }
            q.put("criteria", criteria);
            out.add(q);
        }
        return out;
    }

    private Map<String, Object> radar(List<Map<String, Object>> axes, List<Map<String, Object>> data) {
        Map<String, Object> option = new LinkedHashMap<>();
        option.put("tooltip", Map.of());
        option.put("legend", Map.of("data", data.stream().map(d -> d.get("name")).toList()));
        option.put("radar", Map.of("indicator", axes));
        option.put("series", List.of(Map.of("type", "radar", "data", data)));
        return option;
    }

    private boolean canAssess() {
        var me = currentUser.get();
        return me.hasRole(PlatformRole.TESTER) || me.hasRole(PlatformRole.IT_MANAGER) || me.hasRole(PlatformRole.ADMIN);
    }

    private static Integer number(String value) {
        try {
            return value == null || value.isBlank() ? null : Integer.valueOf(value.strip());
        } catch (NumberFormatException e) {
            return -1; // refused by the input's range check with the field's own message
        }
    }

    private String label(String key) {
        return messages.getMessage(key, null, key, LocaleContextHolder.getLocale());
    }
}
