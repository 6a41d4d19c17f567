/**
 * What other modules may use of the demand portal: raising a demand with a link to its origin (the
 * regtech feed raises demands from regulatory assessments), reading its state, and reading its split tasks
 * with their Jira keys ({@link io.clearflow.demand.api.DemandWork}, for delivery versions), and
 * the contract the delivery module implements so the demand page shows where its versions are deployed
 * ({@link io.clearflow.demand.api.DemandDeliveryStatus}), and how demands ended with their value and workload for the
 * IT cockpit and the year-end review ({@link io.clearflow.demand.api.DemandOutcomes}).
 */
@org.springframework.modulith.NamedInterface("api")
package io.clearflow.demand.api;
