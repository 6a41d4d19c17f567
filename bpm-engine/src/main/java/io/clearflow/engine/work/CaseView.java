package io.clearflow.engine.work;

import java.time.Instant;

/** A process instance ("case") as its initiator follows it. State: active, completed or cancelled. */
public record CaseView(String id, String processKey, String processName, String businessKey, String startedBy,
                       Instant started, Instant ended, String state, String endActivityId) {
}
