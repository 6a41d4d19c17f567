package io.clearflow.testmetrics.maturity;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.clearflow.testmetrics.TestMetricsAccess;
import io.clearflow.testmetrics.store.VersionRepository;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;

/** The maturity page (scores from evidence, radar against the target level, next steps) and its JSON. */
@Controller
@PreAuthorize(TestMetricsAccess.READ)
class MaturityController {

    static final int TARGET = 3;

    private final MaturityService maturity;
    private final VersionRepository versions;
    private final MessageSource messages;
    private final ObjectMapper json;

    MaturityController(MaturityService maturity, VersionRepository versions, MessageSource messages, ObjectMapper json) {
        this.maturity = maturity;
        this.versions = versions;
        this.messages = messages;
        this.json = json;
    }

    @GetMapping("/api/test-metrics/maturity/{project}")
    @ResponseBody
    List<MaturityScorer.Score> scores(@PathVariable String project) {
        return maturity.score(project);
    }

    @GetMapping("/test-metrics/maturity")
    String page(@RequestParam(required = false) String project, Model model) throws JsonProcessingException {
        List<String> projects = versions.projects();
        String chosen = project != null ? project : projects.isEmpty() ? null : projects.get(0);
        model.addAttribute("projects", projects);
        model.addAttribute("project", chosen);
        model.addAttribute("target", TARGET);
        if (chosen == null) {
            return "testmetrics/maturity";
        }
        List<MaturityScorer.Score> scores = maturity.score(chosen);
        var locale = LocaleContextHolder.getLocale();
        List<Map<String, Object>> rows = new ArrayList<>();
        for (MaturityScorer.Score s : scores) {
            var indicator = maturity.model().indicators().stream().filter(i -> i.key().equals(s.indicator())).findFirst().orElseThrow();
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("indicator", s.indicator());
            row.put("domain", s.domain());
            row.put("level", s.level());
            row.put("source", s.source());
            row.put("current", s.level() == null ? null : indicator.criterion(s.level(), locale));
            row.put("next", s.level() == null ? indicator.criterion(1, locale)
                    : s.level() < 5 ? indicator.criterion(s.level() + 1, locale) : null);
            rows.add(row);
        }
        model.addAttribute("rows", rows);
        model.addAttribute("domains", MaturityScorer.domains(maturity.model(), scores));
        List<Map<String, Object>> axes = new ArrayList<>();
        scores.forEach(s -> axes.add(Map.of("name", label("tm.maturity.indicator." + s.indicator()), "max", 5)));
        Map<String, Object> option = new LinkedHashMap<>();
        option.put("tooltip", Map.of());
        option.put("legend", Map.of("data", List.of(label("tm.maturity.scored"), label("tm.maturity.target"))));
        option.put("radar", Map.of("indicator", axes));
        option.put("series", List.of(Map.of("type", "radar", "data", List.of(
                Map.of("name", label("tm.maturity.scored"), "value", scores.stream().map(s -> s.level() == null ? 0 : s.level()).toList()),
                Map.of("name", label("tm.maturity.target"), "value", scores.stream().map(s -> TARGET).toList())))));
        model.addAttribute("radarOption", json.writeValueAsString(option));
        return "testmetrics/maturity";
    }

    private String label(String key) {
        return messages.getMessage(key, null, key, LocaleContextHolder.getLocale());
    }
}
