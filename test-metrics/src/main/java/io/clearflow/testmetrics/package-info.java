/**
 * Test evidence per system, version and run (JUnit, JaCoCo, Cobertura, SARIF reports, defects), the
 * metrics computed from it and the quality gates the delivery pipeline asks.
 *
 * <p>Features: {@code ingest} (format detection and streaming parsers), {@code store} (one repository per
 * table), {@code metrics} (Spring-free calculators), {@code gate} (rule sets as configuration),
 * {@code web} (pages and REST). Other modules use {@code api} only.
 *
 * <p>Module boundary: depends on bpm-engine only (checked by the module-graph test in deploy).
 */
package io.clearflow.testmetrics;
