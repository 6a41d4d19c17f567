package io.clearflow.delivery.project;

import java.time.Instant;

/**
 * Which projects a rollup read covers: a department ({@code null} = all), a system the project touches ({@code null}
 * = all) and a creation period {@code [from, until)} (either end {@code null} = open).
 */
public record ProjectScope(String department, String system, Instant from, Instant until) {
}
