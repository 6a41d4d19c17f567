package io.clearflow.bots.documents;

import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.actuate.health.Status;

/**
 * The health component {@code ocr}: {@code UP}, or {@value #UNAVAILABLE} with the reason and the remedy. OCR is
 * optional, so its own status ranks below {@code UP} in {@code management.endpoint.health.status.order}: the
 * platform as a whole stays {@code UP} (and its load balancer keeps sending traffic) while the component says what
 * is missing.
 */
class OcrHealthIndicator implements HealthIndicator {

    static final String UNAVAILABLE = "UNAVAILABLE";

    private final OcrStatus ocr;

    OcrHealthIndicator(OcrStatus ocr) {
        this.ocr = ocr;
    }

    @Override
    public Health health() {
        if (ocr.available()) {
            return Health.up().withDetail("tessdata", ocr.datapath()).withDetail("languages", OcrStatus.LANGUAGES).build();
        }
        // the description is what anonymous callers (load balancers) see: the problem's code and the remedy, no paths
        String description = "OCR unavailable (" + ocr.problem().orElseThrow().name() + "): scanned documents and ID cards"
                + " go to people; install " + OcrStatus.PACKAGES;
        return Health.status(new Status(UNAVAILABLE, description))
                .withDetail("reason", ocr.reason())
                .withDetail("problem", ocr.problem().orElseThrow().name())
                .withDetail("remedy", ocr.remedy())
                .withDetail("tessdata", String.valueOf(ocr.datapath()))
                .build();
    }
}
