package io.clearflow.testmetrics.api;

import java.util.Set;

/** Quality gates over the stored evidence of a system's version. Rule sets are configuration. */
public interface QualityGates {

    /** Evaluates every rule of the named rule set; unknown rule sets, projects or versions are refused. */
    GateResult evaluate(GateRequest request);

    /** The names of the configured rule sets. */
    Set<String> ruleSets();
}
