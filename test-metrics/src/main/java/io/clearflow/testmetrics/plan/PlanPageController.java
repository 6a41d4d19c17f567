package io.clearflow.testmetrics.plan;

import io.clearflow.engine.api.ConflictException;
import io.clearflow.engine.api.Flash;
import io.clearflow.engine.api.InvalidRequestException;
import io.clearflow.engine.api.PlatformRole;
import io.clearflow.engine.security.CurrentUser;
import io.clearflow.testmetrics.TestMetricsAccess;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriUtils;

/**
 * A plan's page (figures, every case with its demands, status, who ran it and the defects it found, a form per
 * manual case) and the plan actions: the version page's CSV import and recording a manual result.
 */
@Controller
@PreAuthorize(TestMetricsAccess.READ)
class PlanPageController {

    private final PlanService plans;
    private final CurrentUser currentUser;

    PlanPageController(PlanService plans, CurrentUser currentUser) {
        this.plans = plans;
        this.currentUser = currentUser;
    }

    @GetMapping("/test-metrics/plans/{planId}")
    String plan(@PathVariable long planId, Model model) {
        model.addAttribute("p", plans.plan(planId));
        var me = currentUser.get();
        model.addAttribute("canUpload", me.hasRole(PlatformRole.TESTER) || me.hasRole(PlatformRole.DEVELOPER)
                || me.hasRole(PlatformRole.ADMIN) || me.hasRole(PlatformRole.BOT));
        return "testmetrics/plan";
    }

    @PostMapping("/test-metrics/{project}/{version}/plans/import")
    @PreAuthorize(TestMetricsAccess.UPLOAD)
    String importCsv(@PathVariable String project, @PathVariable String version, @RequestParam(required = false) String name,
                     @RequestParam(required = false) String iteration, @RequestParam("file") MultipartFile file,
                     RedirectAttributes redirect) throws IOException {
        try {
            if (file.getSize() > PlanCsv.MAX_BYTES) {
                throw new PlanImportTooLargeException(PlanCsv.MAX_BYTES / (1024 * 1024));
            }
            var plan = plans.importCsv(project, version, name, iteration, file.getBytes(), currentUser.get().userId());
            redirect.addFlashAttribute("flash", "tm.plan.imported");
            return "redirect:/test-metrics/plans/" + plan.id();
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

    @PostMapping("/test-metrics/plans/{planId}/delete")
    @PreAuthorize(TestMetricsAccess.UPLOAD)
    String delete(@PathVariable long planId, RedirectAttributes redirect) {
        var plan = plans.plan(planId);
        try {
            plans.delete(planId);
            redirect.addFlashAttribute("flash", "tm.plan.deleted");
            return back(plan.project(), plan.version());
        } catch (ConflictException e) {
            Flash.error(redirect, e);
            return "redirect:/test-metrics/plans/" + planId;
        }
    }

    @PostMapping("/test-metrics/plans/{planId}/cases/{caseId}/results")
    @PreAuthorize(TestMetricsAccess.UPLOAD)
    String record(@PathVariable long planId, @PathVariable long caseId, @RequestParam(required = false) String status,
                  @RequestParam(required = false) String note, @RequestParam(required = false) String defect,
                  RedirectAttributes redirect) {
        try {
            plans.record(planId, caseId, new ManualResultInput(ManualResultInput.Outcome.parse(status), note, defect),
                    currentUser.get().userId());
            redirect.addFlashAttribute("flash", "tm.plan.recorded");
        } catch (InvalidRequestException | ConflictException e) {
            Flash.error(redirect, e);
        }
        return "redirect:/test-metrics/plans/" + planId + "#tm-case-" + caseId;
    }

    private static String back(String project, String version) {
        return "redirect:/test-metrics/" + UriUtils.encodePathSegment(project, StandardCharsets.UTF_8) + "/"
                + UriUtils.encodePathSegment(version, StandardCharsets.UTF_8);
    }
}
