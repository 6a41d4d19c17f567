/**
 * Delivery and project lifecycle, quality gates, artifact promotion, Jenkins (not built yet).
 *
 * <p>Module boundary: may depend only on the modules architecture.md allows (checked by the module-graph test in deploy).
 */
package io.clearflow.delivery;
