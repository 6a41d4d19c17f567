package io.clearflow.delivery.stress;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.clearflow.delivery.DeliveryFlash;
import io.clearflow.engine.security.CurrentUser;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * 压力测试 pages: the list with the request form, and a stress test's page: each step's form for whoever holds it, the
 * results with ECharts charts (throughput and latency over time, p95 per function code), the verdict with its numbers
 * and the previous accepted report side by side.
 */
@Controller
class StressPageController {

    private final StressTestService service;
    private final StressPages pages;
    private final CurrentUser currentUser;

    StressPageController(StressTestService service, StressPages pages, CurrentUser currentUser) {
        this.service = service;
        this.pages = pages;
        this.currentUser = currentUser;
    }

    @GetMapping("/delivery/stress-tests")
    @PreAuthorize(StressAccess.READ)
    String list(@RequestParam(required = false) Long versionId, Model model) {
        model.addAllAttributes(pages.list(versionId));
        return "delivery/stress-tests";
    }

    @PostMapping("/delivery/stress-tests")
    @PreAuthorize(StressAccess.REQUEST)
    String request(@RequestParam(required = false) String versionId, @RequestParam(required = false) String scenariosWanted,
                   Model model) {
        StressPages.Requested requested = pages.request(currentUser.get(), versionId, scenariosWanted);
        if (requested.test() != null) {
            return "redirect:/delivery/stress-tests/" + requested.test().id();
        }
        model.addAllAttributes(requested.page());
        return "delivery/stress-tests";
    }

    @GetMapping("/delivery/stress-tests/{id}")
    @PreAuthorize(StressAccess.READ)
    String detail(@PathVariable long id, Model model, Locale locale) throws JsonProcessingException {
        model.addAllAttributes(pages.detail(id, locale));
        return "delivery/stress-test";
    }

    @PostMapping("/delivery/stress-tests/{id}/plan")
    @PreAuthorize(StressAccess.INFRA)
    String plan(@PathVariable long id, @RequestParam Map<String, String> form, RedirectAttributes redirect) {
        return act(id, redirect, () -> pages.plan(currentUser.get(), id, form));
    }

    @PostMapping("/delivery/stress-tests/{id}/design")
    @PreAuthorize(StressAccess.INFRA)
    String design(@PathVariable long id, @RequestParam(required = false) String scenarios, RedirectAttributes redirect) {
        return act(id, redirect, () -> service.design(currentUser.get(), id, scenarios));
    }

    @PostMapping("/delivery/stress-tests/{id}/results")
    @PreAuthorize(StressAccess.RESULTS)
    String upload(@PathVariable long id, @RequestPart(name = "file", required = false) MultipartFile file,
                  @RequestParam(required = false) String phase, RedirectAttributes redirect) {
        return act(id, redirect, () -> pages.upload(currentUser.get(), id, file, phase));
    }

    /** Phase boundaries of a whole-run file as typed, minutes from its start separated by commas; empty: detected. */
    @PostMapping("/delivery/stress-tests/{id}/results/{resultId}/phases")
    @PreAuthorize(StressAccess.RESULTS)
    String phaseBounds(@PathVariable long id, @PathVariable long resultId,
                       @RequestParam(required = false) String boundsMinutes, RedirectAttributes redirect) {
        return act(id, redirect, () -> pages.phaseBounds(currentUser.get(), id, resultId, boundsMinutes));
    }

    @PostMapping("/delivery/stress-tests/{id}/executed")
    @PreAuthorize(StressAccess.INFRA)
    String executed(@PathVariable long id, RedirectAttributes redirect) {
        return act(id, redirect, () -> service.executed(currentUser.get(), id));
    }

    @PostMapping("/delivery/stress-tests/{id}/report")
    @PreAuthorize(StressAccess.INFRA)
    String report(@PathVariable long id, @RequestParam Map<String, String> form, RedirectAttributes redirect) {
        return act(id, redirect, () -> pages.report(currentUser.get(), id, form));
    }

    @PostMapping("/delivery/stress-tests/{id}/confirm")
    @PreAuthorize(StressAccess.OPS)
    String confirm(@PathVariable long id, @RequestParam(defaultValue = "true") boolean confirmed,
                   @RequestParam(required = false) String upgradeRisk, @RequestParam(required = false) String comment,
                   RedirectAttributes redirect) {
        return act(id, redirect, () -> service.confirm(currentUser.get(), id, confirmed, upgradeRisk, comment));
    }

    @PostMapping("/delivery/stress-tests/{id}/production-verification")
    @PreAuthorize(StressAccess.OPS)
    String verify(@PathVariable long id, @RequestParam(defaultValue = "true") boolean passed,
                  @RequestParam(required = false) String note, RedirectAttributes redirect) {
        return act(id, redirect, () -> service.verifyProduction(currentUser.get(), id, passed, note));
    }

    /** The system's peaks and thresholds, from the stress test's page (ops and IT managers). */
    @PostMapping("/delivery/stress-tests/{id}/peak")
    @PreAuthorize(StressAccess.PEAKS)
    String peak(@PathVariable long id, @RequestParam Map<String, String> form, RedirectAttributes redirect) {
        return act(id, redirect, () -> pages.savePeak(currentUser.get(), id, form));
    }

    private static String act(long id, RedirectAttributes redirect, Supplier<?> action) {
        return DeliveryFlash.act(redirect, "/delivery/stress-tests/" + id, "delivery.stress.saved", action);
    }
}
