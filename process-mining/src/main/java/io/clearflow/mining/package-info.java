/**
 * Process mining over the platform event log and imported XES/CSV logs (issue: process-mining).
 *
 * <p>Packages by feature: {@code log} (the immutable columnar event log, filters, summary),
 * {@code xes} and {@code csv} (importers, XES export), {@code importer} (format detection),
 * {@code dfg}, {@code variants}, {@code metrics} (the seed's metric system), {@code bottleneck},
 * {@code platform} (the platform event log as a mining log), {@code store} (imported logs kept on disk
 * and cached in memory), {@code web} (REST) and {@code cli} (batch use without Spring). The analyses
 * are pure functions of an {@code EventLog}.
 *
 * <p>Module boundary: may depend only on the modules architecture.md allows (checked by the module-graph test in deploy).
 */
package io.clearflow.mining;
