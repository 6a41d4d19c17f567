package io.clearflow.mining.web;

import io.clearflow.mining.log.LogFilter;
import java.time.Instant;
import java.util.List;
import org.springframework.format.annotation.DateTimeFormat;

/**
 * Query parameters that select cases, on every analysis: see {@link LogFilter} for their meaning.
 * {@code variant} is repeated, one activity each, in order; {@code processKey} applies to the
 * platform log only.
 */
record LogParameters(@DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant from,
                     @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant to,
                     String activity, String resource, String department, List<String> variant,
                     Long minDurationMs, Long maxDurationMs, String processKey) {

    static LogParameters none() {
        return new LogParameters(null, null, null, null, null, null, null, null, null);
    }

    /** The whole log, or for the platform log the cases of one process when {@code processKey} is not blank. */
    static LogParameters ofProcess(String processKey) {
        String key = LogUpload.blank(processKey);
        return key == null ? none() : none().withProcessKey(key);
    }

    LogParameters withProcessKey(String key) {
        return new LogParameters(from, to, activity, resource, department, variant, minDurationMs, maxDurationMs, key);
    }

    LogFilter filter() {
        return new LogFilter(from, to, activity, resource, department, variant, minDurationMs, maxDurationMs);
    }
}
