package io.clearflow.engine.api;

/**
 * Where a process is started in the web UI: a module whose process needs its own form and tables
 * declares a bean of this type, and the home page's "start" button goes there. Processes published
 * from the governance catalog are started on the generic start page instead.
 *
 * @param processKey the process definition key
 * @param path       the module's start page
 */
public record StartPage(String processKey, String path) {
}
