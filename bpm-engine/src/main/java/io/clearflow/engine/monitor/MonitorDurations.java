package io.clearflow.engine.monitor;

import java.time.Duration;
import org.springframework.stereotype.Component;

/** Durations as people read them (3d 4h, 2h 5m, 4m 10s, 12s); pages call {@code @monitorDurations.human(ms)}. */
@Component("monitorDurations")
public class MonitorDurations {

    public String human(Long millis) {
        return format(millis);
    }

    static String format(Long millis) {
        if (millis == null) {
            return "";
        }
        Duration d = Duration.ofMillis(millis);
        if (d.toDays() > 0) {
            return d.toDays() + "d " + d.toHoursPart() + "h";
        }
        if (d.toHours() > 0) {
            return d.toHours() + "h " + d.toMinutesPart() + "m";
        }
        if (d.toMinutes() > 0) {
            return d.toMinutes() + "m " + d.toSecondsPart() + "s";
        }
        return d.toSecondsPart() + "s";
    }
}
