/**
 * Process mining over the platform event log and imported XES/CSV logs (issue: process-mining).
 *
 * <p>Module boundary: may depend only on the modules architecture.md allows (checked by the module-graph test in deploy).
 */
package io.clearflow.mining;
