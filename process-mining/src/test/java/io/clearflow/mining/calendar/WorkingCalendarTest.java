package io.clearflow.mining.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.clearflow.mining.bottleneck.BottleneckAnalyzer;
import io.clearflow.mining.bottleneck.BottleneckReport;
import io.clearflow.mining.log.EventLog;
import io.clearflow.mining.log.EventLogBuilder;
import io.clearflow.mining.metrics.MetricsCalculator;
import io.clearflow.mining.metrics.MetricsReport;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import org.junit.jupiter.api.Test;

/** Hand-computed working times on the default calendar: Monday–Friday 09:00–12:00 and 13:00–18:00 in Beijing time. */
class WorkingCalendarTest {

    private static final long HOUR = 3_600_000L;
    private final WorkingCalendar calendar = WorkingCalendar.chinaDefault();

    private static long at(String beijing) {
        return OffsetDateTime.parse(beijing + "+08:00").toInstant().toEpochMilli();
    }

    private long hours(String from, String to) {
        return calendar.between(at(from), at(to));
    }

    @Test
    void aWeekendDoesNotCount() {
        // Fri 7 March 2025 17:00 → Mon 10 March 10:00: one hour on Friday, one on Monday
        assertThat(hours("2025-03-07T17:00", "2025-03-10T10:00")).isEqualTo(2 * HOUR);
        // Saturday to Sunday of an ordinary weekend: nothing
        assertThat(hours("2025-03-08T10:00", "2025-03-09T15:00")).isZero();
        // the lunch break does not count: 11:00 → 14:00 is 1 h + 1 h
        assertThat(hours("2025-03-11T11:00", "2025-03-11T14:00")).isEqualTo(2 * HOUR);
        // and a start outside hours counts from the next working hour: 07:00 → 09:30 is half an hour
        assertThat(hours("2025-03-11T07:00", "2025-03-11T09:30")).isEqualTo(HOUR / 2);
    }

    @Test
    void aPublicHolidayDoesNotCount() {
        // Thu 3 April 2025 16:00 → Mon 7 April 09:30: 2 h Thursday; Fri 4 April is 清明节, then the weekend; 0.5 h Monday
        assertThat(hours("2025-04-03T16:00", "2025-04-07T09:30")).isEqualTo(2 * HOUR + HOUR / 2);
        assertThat(calendar.isWorkingDay(LocalDate.of(2025, 4, 4))).isFalse();
        // Spring Festival 2025: Fri 24 Jan 12:30 → Wed 5 Feb 10:00. Friday afternoon 5 h; Sat 25 off; Sun 26 Jan is an
        // adjusted working day, 8 h; Mon 27, 8 h; 28 Jan – 4 Feb the holiday; Wed 5 Feb 1 h: 22 h
        assertThat(hours("2025-01-24T12:30", "2025-02-05T10:00")).isEqualTo(22 * HOUR);
    }

    @Test
    void anAdjustedWorkingSaturdayCounts() {
        // Fri 7 Feb 2025 17:30 → Mon 10 Feb 09:00: half an hour Friday; Sat 8 Feb is a 调休 working day, 8 h
        assertThat(hours("2025-02-07T17:30", "2025-02-10T09:00")).isEqualTo(8 * HOUR + HOUR / 2);
        assertThat(calendar.isWorkingDay(LocalDate.of(2025, 2, 8))).isTrue();
        // an ordinary Saturday a week later is not
        assertThat(hours("2025-02-14T17:30", "2025-02-17T09:00")).isEqualTo(HOUR / 2);
        // 2026 from the latest announcement: Sat 28 Feb 2026 worked, Mon 16 Feb (春节) not
        assertThat(calendar.isWorkingDay(LocalDate.of(2026, 2, 28))).isTrue();
        assertThat(calendar.isWorkingDay(LocalDate.of(2026, 2, 16))).isFalse();
        assertThat(calendar.isWorkingDay(LocalDate.of(2023, 1, 28))).isTrue();
        assertThat(calendar.isWorkingDay(LocalDate.of(2024, 10, 12))).isTrue();
    }

    @Test
    void theMetricsAndBottlenecksUseItWhenAsked() {
        // scheduled Fri 7 March 17:00, started Mon 10 March 10:00, completed Mon 11:30:
        // waiting 65 h on the wall clock, 2 h of working time; handling 1.5 h either way
        EventLog log = new EventLogBuilder("calendar")
                .add("c1", "review", at("2025-03-07T17:00"), null, "ops", null, "schedule", null)
                .add("c1", "review", at("2025-03-10T10:00"), "li", "ops", null, "start", null)
                .add("c1", "review", at("2025-03-10T11:30"), "li", "ops", null, "complete", null)
                .build();
        MetricsReport wall = MetricsCalculator.compute(log);
        MetricsReport working = MetricsCalculator.compute(log, calendar);
        assertThat(wall.tasks().get(0).waiting().medianMs()).isEqualTo(65.0 * HOUR);
        assertThat(working.tasks().get(0).waiting().medianMs()).isEqualTo(2.0 * HOUR);
        assertThat(working.tasks().get(0).handling().medianMs()).isEqualTo(1.5 * HOUR);
        assertThat(wall.process().handlingDuration().medianMs()).isEqualTo(66.5 * HOUR);
        assertThat(working.process().handlingDuration().medianMs()).isEqualTo(3.5 * HOUR);
        BottleneckReport bottlenecks = BottleneckAnalyzer.analyze(log, Duration.ofDays(7), calendar);
        assertThat(bottlenecks.activities().get(0).meanWaitMs()).isEqualTo(2.0 * HOUR);
        assertThat(BottleneckAnalyzer.analyze(log, Duration.ofDays(7)).activities().get(0).meanWaitMs())
                .isEqualTo(65.0 * HOUR);
    }

    @Test
    void configurableDaysHoursAndZone() {
        // a six-day week, 08:00–20:00, in UTC, no holidays: Sat 8 March 2025 19:00 → Mon 10 March 09:00 UTC = 1 h + 1 h
        WorkingCalendar six = WorkingCalendar.of("UTC", "MONDAY,TUESDAY,WEDNESDAY,THURSDAY,FRIDAY,SATURDAY",
                "08:00-20:00", false);
        long from = OffsetDateTime.parse("2025-03-08T19:00Z").toInstant().toEpochMilli();
        long to = OffsetDateTime.parse("2025-03-10T09:00Z").toInstant().toEpochMilli();
        assertThat(six.between(from, to)).isEqualTo(2 * HOUR);
        assertThat(six.isWorkingDay(LocalDate.of(2025, 4, 4))).isTrue(); // no Chinese holidays here
        assertThatThrownBy(() -> WorkingCalendar.of("Mars/Olympus", "MONDAY", "09:00-17:00", true))
                .hasMessageContaining("time zone");
        assertThatThrownBy(() -> WorkingCalendar.of("UTC", "FUNDAY", "09:00-17:00", true))
                .hasMessageContaining("FUNDAY");
        assertThatThrownBy(() -> WorkingCalendar.of("UTC", "MONDAY", "nine to five", true))
                .hasMessageContaining("HH:mm-HH:mm");
        assertThatThrownBy(() -> WorkingCalendar.of("UTC", "MONDAY", "09:00-12:00,11:00-13:00", true))
                .hasMessageContaining("overlap");
    }
}
