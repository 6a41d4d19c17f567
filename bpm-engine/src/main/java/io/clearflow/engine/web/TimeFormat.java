package io.clearflow.engine.web;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Instants are stored in UTC; pages show them in the firm's zone ({@code clearflow.web.zone},
 * Asia/Shanghai by default). Templates call it as {@code ${@times.format(instant)}}.
 */
@Component("times")
public class TimeFormat {

    private static final DateTimeFormatter PATTERN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private final ZoneId zone;

    TimeFormat(@Value("${clearflow.web.zone:Asia/Shanghai}") String zone) {
        this.zone = ZoneId.of(zone);
    }

    public String format(Instant instant) {
        return instant == null ? "" : PATTERN.format(instant.atZone(zone));
    }

    public ZoneId zone() {
        return zone;
    }
}
