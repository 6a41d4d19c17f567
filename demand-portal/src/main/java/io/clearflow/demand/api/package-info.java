/**
 * What other modules may use of the demand portal: raising a demand with a link to its origin (the
 * regtech feed raises demands from regulatory assessments), reading its state, and reading its split tasks
 * with their Jira keys ({@link io.clearflow.demand.api.DemandWork}, for delivery versions).
 */
@org.springframework.modulith.NamedInterface("api")
package io.clearflow.demand.api;
