package io.clearflow.mining.calendar;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Working time between two instants, as Disco's TimeWarp measures it: only the working hours of working days count.
 * A day is a working day when it is an adjusted working day (调休, e.g. a Saturday worked in exchange for a holiday), or
 * a working weekday that is not a public holiday. Cumulative working time per day is precomputed from 1970 to 2199,
 * so {@link #between} is two array look-ups and a few comparisons, whatever the span (instants outside are clamped).
 */
public final class WorkingCalendar implements TimeMeasure {

    private static final LocalDate FIRST = LocalDate.of(1970, 1, 1);
    private static final LocalDate END = LocalDate.of(2200, 1, 1);
    private static final long DAY_MS = 86_400_000L;

    private final ZoneId zone;
    private final Set<DayOfWeek> workingDays;
    private final int[][] hours; // [start ms of day, end ms of day), sorted, not overlapping
    private final Set<LocalDate> off;
    private final Set<LocalDate> work;
    private final long firstDay;
    private final long[] cumulative; // working ms from FIRST to the start of each day
    private final boolean[] working;
    private final Integer fixedOffsetMs;

    public WorkingCalendar(ZoneId zone, Set<DayOfWeek> workingDays, List<LocalTime[]> workingHours,
                           Set<LocalDate> holidays, Set<LocalDate> adjustedWorkingDays) {
        this.zone = zone;
        this.workingDays = workingDays.isEmpty() ? EnumSet.noneOf(DayOfWeek.class) : EnumSet.copyOf(workingDays);
        this.off = Set.copyOf(holidays);
        this.work = Set.copyOf(adjustedWorkingDays);
        List<int[]> intervals = new ArrayList<>();
        for (LocalTime[] range : workingHours) {
            int start = (int) (range[0].toNanoOfDay() / 1_000_000);
            int end = range[1].equals(LocalTime.MIDNIGHT) ? (int) DAY_MS : (int) (range[1].toNanoOfDay() / 1_000_000);
            if (end <= start) {
                throw new IllegalArgumentException("working hours " + range[0] + "-" + range[1] + " end before they start");
            }
            intervals.add(new int[] {start, end});
        }
        intervals.sort((a, b) -> Integer.compare(a[0], b[0]));
        for (int i = 1; i < intervals.size(); i++) {
            if (intervals.get(i)[0] < intervals.get(i - 1)[1]) {
                throw new IllegalArgumentException("working hours overlap");
            }
        }
        this.hours = intervals.toArray(new int[0][]);
        this.firstDay = FIRST.toEpochDay();
        int days = (int) (END.toEpochDay() - firstDay);
        this.cumulative = new long[days + 1];
        this.working = new boolean[days];
        long perDay = within(DAY_MS);
        LocalDate day = FIRST;
        for (int d = 0; d < days; d++, day = day.plusDays(1)) {
            working[d] = isWorkingDay(day);
            cumulative[d + 1] = cumulative[d] + (working[d] ? perDay : 0);
        }
        this.fixedOffsetMs = zone.getRules().isFixedOffset()
                ? zone.getRules().getOffset(Instant.EPOCH).getTotalSeconds() * 1000 : null;
    }

    /**
     * Monday to Friday, 09:00–12:00 and 13:00–18:00 in Asia/Shanghai, with the built-in Chinese public holidays and
     * adjusted working days.
     */
    public static WorkingCalendar chinaDefault() {
        return of("Asia/Shanghai", "MONDAY,TUESDAY,WEDNESDAY,THURSDAY,FRIDAY", "09:00-12:00,13:00-18:00", true);
    }

    /**
     * From settings text: a zone id, working days as day names separated by commas, working hours as
     * {@code HH:mm-HH:mm} ranges separated by commas, and whether the Chinese public holidays apply.
     *
     * @throws IllegalArgumentException naming the setting that does not parse
     */
    public static WorkingCalendar of(String zone, String days, String workingHours, boolean chineseHolidays) {
        ZoneId zoneId;
        try {
            zoneId = ZoneId.of(zone.strip());
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("unknown time zone '" + zone + "'", e);
        }
        Set<DayOfWeek> dayset = EnumSet.noneOf(DayOfWeek.class);
        for (String d : days.split(",")) {
            if (!d.isBlank()) {
                try {
                    dayset.add(DayOfWeek.valueOf(d.strip().toUpperCase(java.util.Locale.ROOT)));
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException("unknown working day '" + d.strip() + "'", e);
                }
            }
        }
        List<LocalTime[]> ranges = new ArrayList<>();
        for (String r : workingHours.split(",")) {
            if (r.isBlank()) {
                continue;
            }
            String[] ends = r.strip().split("-");
            try {
                ranges.add(new LocalTime[] {LocalTime.parse(ends[0].strip()),
                        ends[1].strip().equals("24:00") ? LocalTime.MIDNIGHT : LocalTime.parse(ends[1].strip())});
            } catch (DateTimeParseException | ArrayIndexOutOfBoundsException e) {
                throw new IllegalArgumentException("working hours '" + r.strip() + "' are not HH:mm-HH:mm", e);
            }
        }
        Set<LocalDate> holidays = new HashSet<>();
        Set<LocalDate> workdays = new HashSet<>();
        if (chineseHolidays) {
            readChineseHolidays(holidays, workdays);
        }
        return new WorkingCalendar(zoneId, dayset, ranges, holidays, workdays);
    }

    /** Reads {@code cn-public-holidays.txt} (the State Council's announcements, 2023–2026). */
    static void readChineseHolidays(Set<LocalDate> holidays, Set<LocalDate> workdays) {
        try (InputStream in = WorkingCalendar.class.getResourceAsStream("cn-public-holidays.txt")) {
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line; (line = reader.readLine()) != null; ) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] fields = line.split("\\s+");
                String[] range = fields[0].split("\\.\\.");
                LocalDate first = LocalDate.parse(range[0]);
                LocalDate last = range.length > 1 ? LocalDate.parse(range[1]) : first;
                Set<LocalDate> into = fields[1].equals("work") ? workdays : holidays;
                for (LocalDate d = first; !d.isAfter(last); d = d.plusDays(1)) {
                    into.add(d);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public boolean isWorkingDay(LocalDate day) {
        return work.contains(day) || (!off.contains(day) && workingDays.contains(day.getDayOfWeek()));
    }

    public ZoneId zone() {
        return zone;
    }

    @Override
    public long between(long from, long to) {
        return at(to) - at(from);
    }

    /** Working ms from 1970-01-01 local midnight to the instant. */
    private long at(long epochMillis) {
        long offset = fixedOffsetMs != null ? fixedOffsetMs
                : zone.getRules().getOffset(Instant.ofEpochMilli(epochMillis)).getTotalSeconds() * 1000L;
        long local = epochMillis + offset;
        long day = Math.floorDiv(local, DAY_MS) - firstDay;
        if (day < 0) {
            return 0;
        }
        if (day >= working.length) {
            return cumulative[working.length];
        }
        int d = (int) day;
        return cumulative[d] + (working[d] ? within(Math.floorMod(local, DAY_MS)) : 0);
    }

    /** Working ms of a working day from its midnight to the given time of day. */
    private long within(long msOfDay) {
        long sum = 0;
        for (int[] h : hours) {
            if (msOfDay <= h[0]) {
                break;
            }
            sum += Math.min(msOfDay, h[1]) - h[0];
        }
        return sum;
    }
}
