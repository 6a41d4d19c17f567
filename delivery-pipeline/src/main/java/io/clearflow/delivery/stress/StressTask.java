package io.clearflow.delivery.stress;

import java.time.LocalDate;

/** A task of the plan, with its owner and deadline. */
public record StressTask(long id, long stressTestId, String title, String owner, LocalDate deadline, boolean done) { }
