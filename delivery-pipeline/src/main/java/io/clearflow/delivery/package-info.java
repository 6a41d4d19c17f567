/**
 * Delivery lifecycle: versions, artifacts promoted through quality gates, test submissions (提测单), changes (变更单) with separated approvals, deployments by the embedded runner or Jenkins.
 *
 * <p>Module boundary: may depend only on the modules architecture.md allows (checked by the module-graph test in deploy).
 */
package io.clearflow.delivery;
