package io.clearflow.testmetrics.api;

import java.util.List;

/**
 * Defect counts per version for the delivery cockpit's quality figures, read in one pass (a cockpit refresh
 * asks for every version at once rather than one call per version).
 */
public interface DefectFigures {

    /**
     * @param project the test-metrics project (the delivery system code)
     * @param version the version label
     * @param defects every defect recorded against the version
     * @param escaped those found in phase {@code production}, i.e. after the version went live
     */
    record VersionDefects(String project, String version, long defects, long escaped) {
    }

    /** Every version with at least one defect. */
    List<VersionDefects> perVersion();
}
