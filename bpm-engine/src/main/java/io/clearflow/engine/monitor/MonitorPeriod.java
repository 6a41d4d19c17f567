package io.clearflow.engine.monitor;

import io.clearflow.engine.api.InvalidRequestException;
import io.clearflow.engine.web.TimeFormat;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Dates and months in monitoring filters mean days where the users are: {@code from} is the start
 * of its day, {@code to} includes its whole day. Unparseable values are a 400 with the field named.
 */
@Component
class MonitorPeriod {

    private final ZoneId zone;
    private final java.time.Clock clock;

    MonitorPeriod(TimeFormat times, java.time.Clock clock) {
        this.zone = times.zone();
        this.clock = clock;
    }

    Instant from(String date) {
        LocalDate day = date("from", date);
        return day == null ? null : day.atStartOfDay(zone).toInstant();
    }

    Instant to(String date) {
        LocalDate day = date("to", date);
        return day == null ? null : day.plusDays(1).atStartOfDay(zone).toInstant();
    }

    YearMonth month(String value) {
        if (value == null || value.isBlank()) {
            return YearMonth.now(clock.withZone(zone));
        }
        try {
            YearMonth month = YearMonth.parse(value.strip());
            if (month.getYear() < 1970 || month.getYear() > 9999) {
                throw new InvalidRequestException("monitor.refused.monthRange", Map.of("month", "monitor.refused.monthRangeField"));
            }
            return month;
        } catch (DateTimeParseException e) {
            throw new InvalidRequestException("monitor.refused.month", Map.of("month", "monitor.refused.monthField"));
        }
    }

    YearMonth currentMonth() {
        return YearMonth.now(clock.withZone(zone));
    }

    Instant startOf(YearMonth month) {
        return month.atDay(1).atStartOfDay(zone).toInstant();
    }

    ZoneId zone() {
        return zone;
    }

    private static LocalDate date(String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw new InvalidRequestException("monitor.refused.date", Map.of(field, "monitor.refused.dateField"));
        }
    }
}
