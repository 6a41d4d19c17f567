package io.clearflow.delivery.cockpit;

import io.clearflow.engine.security.CurrentUser;
import java.util.Locale;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The cockpit over REST: the figures as JSON or CSV, one chain's incomplete records (drill-down), and the year-end
 * review as JSON or Word. Filters are checked before anything is read (400 naming the field).
 */
@RestController
class CockpitController {

    static final MediaType CSV = MediaType.parseMediaType("text/csv;charset=UTF-8");
    static final MediaType DOCX = MediaType.parseMediaType(
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document");

    private final CockpitService service;
    private final CockpitFilters filters;
    private final CockpitCsv csv;
    private final YearReviewService reviews;
    private final YearReviewDocx docx;
    private final CurrentUser currentUser;

    CockpitController(CockpitService service, CockpitFilters filters, CockpitCsv csv, YearReviewService reviews,
                      YearReviewDocx docx, CurrentUser currentUser) {
        this.service = service;
        this.filters = filters;
        this.csv = csv;
        this.reviews = reviews;
        this.docx = docx;
        this.currentUser = currentUser;
    }

    @GetMapping("/api/delivery/cockpit")
    @PreAuthorize(CockpitAccess.READ)
    ResponseEntity<?> cockpit(@RequestParam(required = false) String department, @RequestParam(required = false) String system,
                              @RequestParam(required = false) String from, @RequestParam(required = false) String to,
                              @RequestParam(required = false) String format, Locale locale) {
        if ("csv".equals(format)) {
            return csv(department, system, from, to, locale);
        }
        return ResponseEntity.ok(service.cockpit(currentUser.get(), filters.parse(department, system, from, to)));
    }

    @GetMapping("/api/delivery/cockpit.csv")
    @PreAuthorize(CockpitAccess.READ)
    ResponseEntity<byte[]> csv(@RequestParam(required = false) String department, @RequestParam(required = false) String system,
                               @RequestParam(required = false) String from, @RequestParam(required = false) String to,
                               Locale locale) {
        Cockpit cockpit = service.cockpit(currentUser.get(), filters.parse(department, system, from, to));
        return ResponseEntity.ok().contentType(CSV)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename("cockpit.csv").build().toString())
                .body(csv.render(cockpit, locale));
    }

    @GetMapping("/api/delivery/cockpit/completeness/{chain}")
    @PreAuthorize(CockpitAccess.READ)
    Cockpit.Chain chain(@PathVariable String chain, @RequestParam(required = false) String department,
                        @RequestParam(required = false) String system, @RequestParam(required = false) String from,
                        @RequestParam(required = false) String to) {
        return service.chain(currentUser.get(), filters.parse(department, system, from, to), chain);
    }

    @GetMapping("/api/delivery/year-review")
    @PreAuthorize(CockpitAccess.READ)
    YearReview review(@RequestParam(required = false) String department, @RequestParam(required = false) String year) {
        return reviews.review(currentUser.get(), filters.parse(department, null, null, null).department(), filters.year(year));
    }

    @GetMapping("/api/delivery/year-review.docx")
    @PreAuthorize(CockpitAccess.READ)
    ResponseEntity<byte[]> reviewDocx(@RequestParam(required = false) String department,
                                      @RequestParam(required = false) String year, Locale locale) {
        YearReview review = reviews.review(currentUser.get(), filters.parse(department, null, null, null).department(),
                filters.year(year));
        return ResponseEntity.ok().contentType(DOCX)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename("year-review-" + review.department() + "-" + review.year() + ".docx").build().toString())
                .body(docx.render(review, locale));
    }
}
