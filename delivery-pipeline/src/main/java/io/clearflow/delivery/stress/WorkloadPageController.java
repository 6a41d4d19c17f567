package io.clearflow.delivery.stress;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.clearflow.delivery.stress.workload.CallSampleReader;
import io.clearflow.delivery.stress.workload.WorkloadModel;
import io.clearflow.engine.api.DeclaredRules;
import io.clearflow.engine.api.InvalidRequestException;
import jakarta.validation.Validator;
import java.io.IOException;
import java.io.InputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.multipart.MultipartFile;

/**
 * The workload-model page: import a production call-mix sample (CSV), see each code's share, the main-function set
 * against the seed's "fewer than 40", the four test types' mixes with per-second rates at the target multiple, a
 * Pareto chart, and download the mixes for the load tool. Nothing is stored: the model is a function of the sample,
 * so the export is the page's own CSV (a download link), not a second upload.
 */
@Controller
class WorkloadPageController {

    /** The seed's expectation for the main-function set. */
    static final int SEED_MAIN_SET = 40;
    private static final int CHART_CODES = 60;

    private final MessageSource messages;
    private final Validator validator;
    private final ObjectMapper json = new ObjectMapper();

    WorkloadPageController(MessageSource messages, Validator validator) {
        this.messages = messages;
        this.validator = validator;
    }

    @GetMapping("/delivery/stress-tests/workload")
    @PreAuthorize(StressAccess.READ)
    String form(Model model) {
        model.addAttribute("values", Map.of("multiple", "3"));
        model.addAttribute("errors", Map.of());
        return "delivery/stress-workload";
    }

    @PostMapping("/delivery/stress-tests/workload")
    @PreAuthorize(StressAccess.READ)
    String compute(@RequestPart(name = "file", required = false) MultipartFile file,
                   @RequestParam(required = false) String peakTps, @RequestParam(required = false) String multiple,
                   Model model, Locale locale) throws IOException {
        WorkloadForm form = new WorkloadForm(file, peakTps, multiple);
        Map<String, String> errors = new LinkedHashMap<>(DeclaredRules.violations(validator, form));
        WorkloadModel.Model result = null;
        if (errors.isEmpty()) {
            try (InputStream in = file.getInputStream()) {
                result = WorkloadModel.of(CallSampleReader.read(in), form.peak(), form.factor());
            } catch (InvalidRequestException e) {
                // the reader refuses only the file; its message carries the line number the field error leaves out
                errors.put("file", messages.getMessage(e.getMessage(), e.args(), e.getMessage(), locale));
            }
        }
        model.addAttribute("values", Map.of("peakTps", form.peakTps(), "multiple", form.multiple()));
        model.addAttribute("errors", errors);
        if (result != null) {
            model.addAttribute("result", result);
            model.addAttribute("fileName", file.getOriginalFilename());
            model.addAttribute("seedMainSet", SEED_MAIN_SET);
            model.addAttribute("mixes", byScenario(result));
            model.addAttribute("chart", json.writeValueAsString(pareto(result, locale)));
            model.addAttribute("exportHref", "data:text/csv;charset=utf-8,"
                    + URLEncoder.encode("\uFEFF" + WorkloadModel.csv(result), StandardCharsets.UTF_8).replace("+", "%20"));
        }
        return "delivery/stress-workload";
    }

    /** The mixes grouped by scenario in the model's order (full, main, single-code, one burst per business). */
    private static Map<String, List<WorkloadModel.MixLine>> byScenario(WorkloadModel.Model model) {
        Map<String, List<WorkloadModel.MixLine>> groups = new LinkedHashMap<>();
        for (WorkloadModel.MixLine l : model.mixes()) {
            groups.computeIfAbsent(l.scenario(), k -> new ArrayList<>()).add(l);
        }
        return groups;
    }

    /** Shares of the busiest codes as bars, the cumulative share as a line, the 99 % mark drawn across. */
    private Map<String, Object> pareto(WorkloadModel.Model model, Locale locale) {
        List<WorkloadModel.Code> codes = model.codes().stream().limit(CHART_CODES).toList();
        Map<String, Object> option = new LinkedHashMap<>();
        option.put("tooltip", Map.of("trigger", "axis"));
        option.put("legend", Map.of());
        option.put("xAxis", Map.of("type", "category", "data", codes.stream().map(WorkloadModel.Code::code).toList()));
        option.put("yAxis", List.of(Map.of("type", "value", "name", msg("delivery.stress.workload.share", locale), "max", 100),
                Map.of("type", "value", "name", msg("delivery.stress.workload.cumulative", locale), "max", 100)));
        option.put("series", List.of(
                Map.of("type", "bar", "name", msg("delivery.stress.workload.share", locale),
                        "data", codes.stream().map(c -> round(c.share() * 100)).toList()),
                Map.of("type", "line", "name", msg("delivery.stress.workload.cumulative", locale), "yAxisIndex", 1,
                        "data", codes.stream().map(c -> round(c.cumulativeShare() * 100)).toList(),
                        "markLine", Map.of("silent", true, "symbol", "none", "data", List.of(Map.of("yAxis", 99))))));
        return option;
    }

    /** A field error from the reader: a bundle key, or {@code key:row} for a row's error. */
    private String msg(String key, Locale locale) {
        return messages.getMessage(key, null, key, locale);
    }

    private static double round(double v) {
        return Math.round(v * 100) / 100.0;
    }
}
