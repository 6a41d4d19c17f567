package io.clearflow.mining.web;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import org.springframework.http.ContentDisposition;

/**
 * The file name a discovered model downloads as: what it is a model of (the log's or process's name, without
 * the log file's extension) and the day it was discovered, e.g. {@code 回售业务审批-2026-12-06.bpmn20.xml},
 * instead of the log's id. Names keep letters of any script (sent as RFC 6266 {@code filename*} in UTF-8).
 */
final class DiscoveredModelFile {

    private static final int MAX_NAME = 80;

    private DiscoveredModelFile() {
    }

    static String name(String processName, LocalDate day) {
        String base = processName == null ? "" : processName.strip()
                .replaceFirst("(?i)\\.(xes\\.gz|xes|csv|mxml|jsonocel|xmlocel|json|xml|gz)$", "");
        base = base.replaceAll("[^\\p{L}\\p{N}_-]+", "-").replaceAll("-{2,}", "-").replaceAll("^-|-$", "");
        if (base.length() > MAX_NAME) {
            base = base.substring(0, MAX_NAME).replaceAll("-$", "");
        }
        return (base.isEmpty() ? "model" : base) + "-" + day + ".bpmn20.xml";
    }

    static String attachment(String processName, LocalDate day) {
        return ContentDisposition.attachment().filename(name(processName, day), StandardCharsets.UTF_8).build().toString();
    }
}
