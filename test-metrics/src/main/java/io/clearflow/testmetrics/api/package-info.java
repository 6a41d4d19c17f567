/**
 * What other modules may use of test-metrics: asking a quality gate whether a version may pass
 * ({@link io.clearflow.testmetrics.api.QualityGates}) and recording evidence that arrives from outside
 * systems, such as Jenkins test reports and Jira defects fetched by the delivery pipeline
 * ({@link io.clearflow.testmetrics.api.TestEvidence}), and reading defect counts per version for the delivery cockpit
 * ({@link io.clearflow.testmetrics.api.DefectFigures}).
 */
@org.springframework.modulith.NamedInterface("api")
package io.clearflow.testmetrics.api;
