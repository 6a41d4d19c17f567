/**
 * Test, coverage, static-analysis, stress-test and delivery metrics; continuous-testing maturity (not built yet).
 *
 * <p>Module boundary: may depend only on the modules architecture.md allows (checked by the module-graph test in deploy).
 */
package io.clearflow.testmetrics;
