package io.clearflow.regtech.assess;

import java.time.Instant;
import java.time.LocalDate;

/** One department's assessment: the processes and systems affected, its own deadline and the risk. */
public record Impact(long id, String department, String assessor, String processes, String systems, LocalDate deadline,
                     String risk, Instant assessedAt) {
}
