/** The platform event log: EventLogService and EventLogRepository for modules that read it (mining, dashboards). */
@org.springframework.modulith.NamedInterface("eventlog")
package io.clearflow.engine.eventlog;
