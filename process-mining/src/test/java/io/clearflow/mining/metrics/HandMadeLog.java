package io.clearflow.mining.metrics;

import io.clearflow.mining.log.EventLog;
import io.clearflow.mining.log.EventLogBuilder;
import java.time.Instant;

/**
 * Two cases of a submit → review → approve process with known answers, written the way ClearFlow
 * records tasks (schedule, assign, complete, send-back, withdraw).
 *
 * <pre>
 * c1 (January): submit 09:00; review scheduled 09:00, claimed 10:00 (wait 1h), done 12:00 (2h);
 *               approve scheduled 12:00, claimed 16:00 (wait 4h), done 17:00 (1h). Lasts 8h.
 * c2 (February): submit 09:00; review scheduled 09:00, claimed 09:30 (wait 30m), sent back 09:40;
 *               resubmit 09:50 (waited 50m since the last completion); review scheduled 09:50,
 *               claimed 11:50 (wait 2h), done 12:50 (1h); approve scheduled 12:50, withdrawn 13:50.
 *               Lasts 4h50m.
 * </pre>
 */
public final class HandMadeLog {

    static final String JAN = "2026-01-05T";
    static final String FEB = "2026-02-02T";

    private HandMadeLog() {
    }

    public static EventLog build() {
        EventLogBuilder b = new EventLogBuilder("hand-made");
        add(b, "c1", "submit", JAN + "09:00:00Z", "alice", "A", "clerk", "complete");
        add(b, "c1", "review", JAN + "09:00:00Z", null, "A", null, "schedule");
        add(b, "c1", "review", JAN + "10:00:00Z", "bob", "A", "reviewer", "assign");
        add(b, "c1", "review", JAN + "12:00:00Z", "bob", "A", "reviewer", "complete");
        add(b, "c1", "approve", JAN + "12:00:00Z", null, "B", null, "schedule");
        add(b, "c1", "approve", JAN + "16:00:00Z", "carol", "B", "approver", "assign");
        add(b, "c1", "approve", JAN + "17:00:00Z", "carol", "B", "approver", "complete");

        add(b, "c2", "submit", FEB + "09:00:00Z", "alice", "A", "clerk", "complete");
        add(b, "c2", "review", FEB + "09:00:00Z", null, "A", null, "schedule");
        add(b, "c2", "review", FEB + "09:30:00Z", "bob", "A", "reviewer", "assign");
        add(b, "c2", "review", FEB + "09:40:00Z", "bob", "A", "reviewer", "send-back");
        add(b, "c2", "submit", FEB + "09:50:00Z", "alice", "A", "clerk", "complete");
        add(b, "c2", "review", FEB + "09:50:00Z", null, "A", null, "schedule");
        add(b, "c2", "review", FEB + "11:50:00Z", "bob", "A", "reviewer", "assign");
        add(b, "c2", "review", FEB + "12:50:00Z", "bob", "A", "reviewer", "complete");
        add(b, "c2", "approve", FEB + "12:50:00Z", null, "B", null, "schedule");
        add(b, "c2", "approve", FEB + "13:50:00Z", "alice", "A", "clerk", "withdraw");
        return b.build();
    }

    private static void add(EventLogBuilder b, String c, String activity, String time, String resource, String group,
                            String role, String lifecycle) {
        b.add(c, activity, Instant.parse(time).toEpochMilli(), resource, group, role, lifecycle, null);
    }
}
