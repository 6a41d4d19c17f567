/**
 * Demand lifecycle, compliance approval, Jira sync, kanban and per-department statistics (issue: demand-portal).
 *
 * <p>Module boundary: may depend only on the modules architecture.md allows (checked by the module-graph test in deploy).
 */
package io.clearflow.demand;
