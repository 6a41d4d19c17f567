package io.clearflow.testmetrics.plan;

import io.clearflow.engine.security.CurrentUser;
import io.clearflow.testmetrics.TestMetricsAccess;
import io.clearflow.testmetrics.store.ManualResultRepository;
import jakarta.validation.Valid;
import java.io.IOException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** Test plans as JSON: create (JSON or CSV), read with progress and figures, record manual results. */
@RestController
@PreAuthorize(TestMetricsAccess.READ)
class PlanController {

    private final PlanService plans;
    private final CurrentUser currentUser;

    PlanController(PlanService plans, CurrentUser currentUser) {
        this.plans = plans;
        this.currentUser = currentUser;
    }

    @GetMapping("/api/test-metrics/projects/{project}/versions/{version}/plans")
    PlanService.VersionPlans ofVersion(@PathVariable String project, @PathVariable String version) {
        return plans.ofVersion(project, version);
    }

    @PostMapping(path = "/api/test-metrics/projects/{project}/versions/{version}/plans", consumes = MediaType.APPLICATION_JSON_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize(TestMetricsAccess.UPLOAD)
    PlanService.PlanView create(@PathVariable String project, @PathVariable String version, @Valid @RequestBody PlanInput plan) {
        return plans.create(project, version, plan, currentUser.get().userId());
    }

    @PostMapping(path = "/api/test-metrics/projects/{project}/versions/{version}/plans/import",
            consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize(TestMetricsAccess.UPLOAD)
    PlanService.PlanView importCsv(@PathVariable String project, @PathVariable String version,
                                   @RequestParam(required = false) String name,
                                   @RequestParam(required = false) String iteration,
                                   @RequestParam("file") MultipartFile file) throws IOException {
        if (file.getSize() > PlanCsv.MAX_BYTES) {
            throw new PlanImportTooLargeException(PlanCsv.MAX_BYTES / (1024 * 1024));
        }
        return plans.importCsv(project, version, name, iteration, file.getBytes(), currentUser.get().userId());
    }

    /**
     * A CSV to fill in, as spreadsheets open it: UTF-8 with BOM (so Excel reads the Chinese header), comma-separated,
     * one automated and one manual example row.
     */
    @GetMapping(path = "/api/test-metrics/plans/template.csv", produces = "text/csv")
    org.springframework.http.ResponseEntity<byte[]> template() {
        String csv = "\uFEFFkey,title,automated,demands\r\n"
                + "io.clearflow.ctrade.OrderServiceTest.matchesCrossOrders,cross orders match,yes,12;15\r\n"
                + "TC-1,refund by hand,no,20\r\n";
        return org.springframework.http.ResponseEntity.ok()
                .header(org.springframework.http.HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"test-plan.csv\"")
                .contentType(new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8))
                .body(csv.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    @GetMapping("/api/test-metrics/plans/{planId}")
    PlanService.PlanView plan(@PathVariable long planId) {
        return plans.plan(planId);
    }

    @org.springframework.web.bind.annotation.DeleteMapping("/api/test-metrics/plans/{planId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @PreAuthorize(TestMetricsAccess.UPLOAD)
    void delete(@PathVariable long planId) {
        plans.delete(planId);
    }

    @PostMapping("/api/test-metrics/plans/{planId}/cases/{caseId}/results")
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize(TestMetricsAccess.UPLOAD)
    ManualResultRepository.ManualResultRow record(@PathVariable long planId, @PathVariable long caseId,
                                                  @Valid @RequestBody ManualResultInput result) {
        return plans.record(planId, caseId, result, currentUser.get().userId());
    }
}
