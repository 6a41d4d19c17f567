/**
 * The IT digital cockpit (数字化驾驶舱) and the year-end review, seed (a) "IT Digital platform" and "statistics /
 * digital operations": projects by stage, budget vs actual, delivery efficiency per project stage and per hand-off
 * between R&amp;D, testing, QC and ops, quality, the historical success rate of business demands, satisfaction,
 * team efficiency and data completeness along the seed's three chains. Reads the project tables (V9) and the
 * delivery records (versions, artifacts, submissions, changes, deployments) through the repositories of their
 * features, demand-portal and test-metrics through their {@code api} packages, and keeps a pre-aggregation of its
 * own (V11) rebuilt by {@link io.clearflow.delivery.cockpit.CockpitRefresher}.
 */
package io.clearflow.delivery.cockpit;
