package io.clearflow.testmetrics.api;

import java.time.Instant;

/**
 * A defect as the module keeps it (from Jira, mapped by the caller's configurable severity and "found in" mapping).
 *
 * @param key            the defect's key, e.g. {@code CTRADE-123}; unique per project
 * @param foundInVersion version it was found in, or null
 * @param severity       one of {@code blocker, critical, major, minor, trivial}
 * @param phase          phase found: {@code requirements, design, development, integration, acceptance, production}
 * @param open           false once resolved
 * @param testCase       the failing case it came from ({@code class.name}), or null
 */
public record DefectRecord(String key, String foundInVersion, String title, String severity, String phase, boolean open,
                           String testCase, Instant createdAt, Instant resolvedAt) {
}
