/**
 * The Flowable core of ClearFlow: identity (users, departments, roles on Flowable IDM), the platform
 * event log and its Kafka outbox, runtime task operations, security and the web shell.
 *
 * <p>Other modules use only {@link io.clearflow.engine.api} and the documented services
 * ({@code WorkService}, {@code EventLogService}, {@code OrgDirectory}).
 */
package io.clearflow.engine;
