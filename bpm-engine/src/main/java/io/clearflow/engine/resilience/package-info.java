/**
 * Correct answers while a dependency is down: a database outage is a 503 with {@code Retry-After} (never a 500, never a
 * 401 for a password that could not be checked), readiness goes {@code OUT_OF_SERVICE} for its duration, and a start
 * waits for the database with back-off.
 */
package io.clearflow.engine.resilience;
