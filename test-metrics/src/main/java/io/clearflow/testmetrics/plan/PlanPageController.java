package io.clearflow.testmetrics.plan;

import io.clearflow.engine.api.ConflictException;
import io.clearflow.engine.api.Flash;
import io.clearflow.engine.api.InvalidRequestException;
import io.clearflow.engine.security.CurrentUser;
import io.clearflow.testmetrics.TestMetricsAccess;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriUtils;

/** The version page's plan actions (CSV import, manual result); each redirects back to the version page. */
@Controller
@PreAuthorize(TestMetricsAccess.UPLOAD)
class PlanPageController {

    private final PlanService plans;
    private final CurrentUser currentUser;

    PlanPageController(PlanService plans, CurrentUser currentUser) {
        this.plans = plans;
        this.currentUser = currentUser;
    }

    @PostMapping("/test-metrics/{project}/{version}/plans/import")
    String importCsv(@PathVariable String project, @PathVariable String version, @RequestParam(required = false) String name,
                     @RequestParam(required = false) String iteration, @RequestParam("file") MultipartFile file,
                     RedirectAttributes redirect) throws IOException {
        try {
            if (file.getSize() > PlanCsv.MAX_BYTES) {
                throw new PlanImportTooLargeException(PlanCsv.MAX_BYTES / (1024 * 1024));
            }
            plans.importCsv(project, version, name, iteration, file.getBytes(), currentUser.get().userId());
            redirect.addFlashAttribute("flash", "tm.plan.imported");
        } catch (InvalidRequestException e) {
            if (e.getMessage().equals("tm.plan.csv.invalid")) {
                // row numbers matter to whoever fixes the spreadsheet: shown as a list on the version page
                redirect.addFlashAttribute("flashError", "tm.plan.csv.invalid");
                var rows = new java.util.TreeMap<String, String>(java.util.Comparator.comparingInt(
                        (String row) -> Integer.parseInt(row.replaceAll("[^0-9]", "0"))));
                rows.putAll(e.fieldErrors());
                redirect.addFlashAttribute("planRowErrors", rows);
            } else {
                Flash.error(redirect, e);
            }
        } catch (ConflictException e) {
            Flash.error(redirect, e);
        } catch (PlanImportTooLargeException e) {
            redirect.addFlashAttribute("flashError", e.getMessage());
            redirect.addFlashAttribute("flashErrorArgs", new Object[] {e.limitMb()});
        }
        return back(project, version);
    }

    @PostMapping("/test-metrics/plans/{planId}/cases/{caseId}/results")
    String record(@PathVariable long planId, @PathVariable long caseId, @RequestParam(required = false) String status,
                  @RequestParam(required = false) String note, @RequestParam(required = false) String defect,
                  RedirectAttributes redirect) {
        var plan = plans.plan(planId);
        try {
            plans.record(planId, caseId, new ManualResultInput(ManualResultInput.Outcome.parse(status), note, defect),
                    currentUser.get().userId());
            redirect.addFlashAttribute("flash", "tm.plan.recorded");
        } catch (InvalidRequestException | ConflictException e) {
            Flash.error(redirect, e);
        }
        return back(plan.project(), plan.version()) + "#tm-plan-" + planId;
    }

    private static String back(String project, String version) {
        return "redirect:/test-metrics/" + UriUtils.encodePathSegment(project, StandardCharsets.UTF_8) + "/"
                + UriUtils.encodePathSegment(version, StandardCharsets.UTF_8);
    }
}
