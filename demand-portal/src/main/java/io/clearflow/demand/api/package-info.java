/**
 * What other modules may use of the demand portal: raising a demand with a link to its origin (the
 * regtech feed raises demands from regulatory assessments) and reading its state.
 */
@org.springframework.modulith.NamedInterface("api")
package io.clearflow.demand.api;
