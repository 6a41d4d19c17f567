package io.clearflow.bots.console;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Says a bot's schedule in words instead of a cron expression (Spring's six fields: second, minute, hour,
 * day of month, month, day of week), for the shapes schedules take here: at fixed times, or every n
 * minutes within hours, on every day, weekdays, weekends, given days of the week or a day of the month.
 * Anything else is not described (the page then shows the expression itself). Spring-free: the result is
 * bundle keys with arguments, {@link ScheduleText} turns them into the reader's language.
 *
 * @see <a href="https://docs.spring.io/spring-framework/reference/integration/scheduling.html#scheduling-cron-expression">cron expressions</a>
 */
final class CronDescriber {

    /** The days part ({@code cron.days.*}) and the time part ({@code cron.time.*}), each a key with its arguments. */
    record Description(String daysKey, List<String> daysArgs, String timeKey, List<String> timeArgs) { }

    static final List<String> WEEK = List.of("MON", "TUE", "WED", "THU", "FRI", "SAT", "SUN");
    private static final Pattern NUMBER = Pattern.compile("\\d{1,2}");
    private static final Pattern EVERY = Pattern.compile("(?:\\*|0)/(\\d{1,2})");
    private static final Pattern RANGE = Pattern.compile("(\\d{1,2})-(\\d{1,2})");

    private CronDescriber() {
    }

    static Optional<Description> describe(String cron) {
        if (cron == null) {
            return Optional.empty();
        }
        String[] f = cron.strip().toUpperCase(Locale.ROOT).split("\\s+");
        if (f.length != 6 || !"0".equals(f[0]) || !"*".equals(f[4])) {
            return Optional.empty();
        }
        Optional<String[]> days = days(f[3], f[5]);
        Optional<Object[]> time = time(f[1], f[2]);
        if (days.isEmpty() || time.isEmpty()) {
            return Optional.empty();
        }
        String[] d = days.get();
        Object[] t = time.get();
        @SuppressWarnings("unchecked")
        List<String> timeArgs = (List<String>) t[1];
        return Optional.of(new Description(d[0], d.length > 1 ? List.of(d[1]) : List.of(), (String) t[0], timeArgs));
    }

    /** The days: {@code [key]} or {@code [key, argument]}. */
    private static Optional<String[]> days(String dayOfMonth, String dayOfWeek) {
        boolean anyDayOfMonth = "*".equals(dayOfMonth) || "?".equals(dayOfMonth);
        boolean anyDayOfWeek = "*".equals(dayOfWeek) || "?".equals(dayOfWeek);
        if (anyDayOfMonth && anyDayOfWeek) {
            return Optional.of(new String[] {"cron.days.everyDay"});
        }
        if (anyDayOfWeek && NUMBER.matcher(dayOfMonth).matches()) {
            int day = Integer.parseInt(dayOfMonth);
            return day >= 1 && day <= 31 ? Optional.of(new String[] {"cron.days.monthly", String.valueOf(day)}) : Optional.empty();
        }
        if (!anyDayOfMonth) {
            return Optional.empty();
        }
        List<String> week = weekDays(dayOfWeek);
        if (week.isEmpty()) {
            return Optional.empty();
        }
        if (week.equals(WEEK.subList(0, 5))) {
            return Optional.of(new String[] {"cron.days.weekdays"});
        }
        if (week.equals(WEEK.subList(5, 7))) {
            return Optional.of(new String[] {"cron.days.weekends"});
        }
        return Optional.of(new String[] {"cron.days.weekly", String.join(",", week)});
    }

    /** Days of the week named by MON-FRI, SAT,SUN or a single name, in week order; empty if not understood. */
    static List<String> weekDays(String field) {
        List<String> days = new ArrayList<>();
        for (String part : field.split(",")) {
            Matcher range = Pattern.compile("([A-Z]{3})-([A-Z]{3})").matcher(part);
            if (range.matches() && WEEK.contains(range.group(1)) && WEEK.contains(range.group(2))) {
                int from = WEEK.indexOf(range.group(1));
                int to = WEEK.indexOf(range.group(2));
                if (from > to) {
                    return List.of();
                }
                days.addAll(WEEK.subList(from, to + 1));
            } else if (WEEK.contains(part)) {
                days.add(part);
            } else {
                return List.of();
            }
        }
        return WEEK.stream().filter(days::contains).toList();
    }

    /** The time: {@code [key, arguments]}. */
    private static Optional<Object[]> time(String minute, String hour) {
        Matcher every = EVERY.matcher(minute);
        if (every.matches()) {
            String step = String.valueOf(Integer.parseInt(every.group(1)));
            if ("*".equals(hour)) {
                return Optional.of(new Object[] {"cron.time.everyMinutes", List.of(step)});
            }
            Matcher hours = RANGE.matcher(hour);
            if (hours.matches() && hour(hours.group(1)) && hour(hours.group(2))) {
                return Optional.of(new Object[] {"cron.time.everyMinutesBetween", List.of(step,
                        clock(hours.group(1), "0"), clock(hours.group(2), "59"))});
            }
            return Optional.empty();
        }
        if (!NUMBER.matcher(minute).matches() || Integer.parseInt(minute) > 59) {
            return Optional.empty();
        }
        if ("*".equals(hour)) {
            return Optional.of(new Object[] {"cron.time.hourly", List.of(String.valueOf(Integer.parseInt(minute)))});
        }
        List<String> times = new ArrayList<>();
        for (String h : hour.split(",")) {
            if (!NUMBER.matcher(h).matches() || !hour(h)) {
                return Optional.empty();
            }
            times.add(clock(h, minute));
        }
        return Optional.of(new Object[] {"cron.time.at", List.copyOf(times)});
    }

    private static boolean hour(String h) {
        return NUMBER.matcher(h).matches() && Integer.parseInt(h) <= 23;
    }

    private static String clock(String hour, String minute) {
        return String.format(Locale.ROOT, "%02d:%02d", Integer.parseInt(hour), Integer.parseInt(minute));
    }
}
