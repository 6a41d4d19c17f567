package io.clearflow.regtech.parse;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoField;
import java.time.temporal.TemporalAccessor;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Dates as regulators write them. With a zone or offset they mean that instant; without one (e.g.
 * {@code 2018-09-18 14:38:10} in a Chinese feed, {@code 2024-05-15} on a list page) they are read in
 * the source's zone. Unreadable dates give null: the item is kept without a date.
 */
public final class DateReader {

    private DateReader() { }

    /** RFC 822/1123 and the variants feeds use: one-digit days, no seconds, two-digit years, zone names. */
    private static final List<DateTimeFormatter> RFC822 = java.util.stream.Stream.of(
            "d MMM yyyy H:mm:ss Z", "d MMM yyyy H:mm Z", "d MMM yyyy H:mm:ss z", "d MMM yyyy H:mm z",
            "d MMM yy H:mm:ss Z", "d MMM yy H:mm:ss z", "d MMM yyyy H:mm:ss XXX")
            .map(p -> new DateTimeFormatterBuilder().parseCaseInsensitive().appendPattern(p).toFormatter(Locale.ENGLISH))
            .toList();

    private static final Pattern DAY_NAME = Pattern.compile("^[A-Za-z]{3,9},?\\s+");

    private static final List<DateTimeFormatter> LOCAL_DATE_TIMES = List.of(
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm[:ss][.SSS]"),
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm[:ss][.SSS]"),
            DateTimeFormatter.ofPattern("yyyy/MM/dd HH:mm[:ss]"),
            DateTimeFormatter.ofPattern("yyyy/M/d H:mm[:ss]"),
            DateTimeFormatter.ofPattern("yyyy-M-d H:mm[:ss]"));

    private static final Pattern YMD = Pattern.compile(
            "(\\d{4})\\s*[-/.年]\\s*(\\d{1,2})\\s*[-/.月]\\s*(\\d{1,2})日?(?:\\s*(\\d{1,2}):(\\d{2})(?::(\\d{2}))?)?");

    public static Instant read(String raw, ZoneId zone, String pattern) {
        if (raw == null) {
            return null;
        }
        String s = ItemText.title(raw);
        if (s.isEmpty()) {
            return null;
        }
        if (pattern != null) {
            Instant custom = withPattern(s, pattern, zone);
            if (custom != null) {
                return custom;
            }
        }
        try {
            return OffsetDateTime.parse(s).toInstant();
        } catch (DateTimeParseException ignored) {
            // next form
        }
        String rfc = DAY_NAME.matcher(s).replaceFirst("").replaceAll("\\s+UT$", " GMT");
        for (DateTimeFormatter f : RFC822) {
            try {
                return ZonedDateTime.parse(rfc, f).toInstant();
            } catch (DateTimeParseException ignored) {
                // next form
            }
        }
        for (DateTimeFormatter f : LOCAL_DATE_TIMES) {
            try {
                return LocalDateTime.parse(s, f).atZone(zone).toInstant();
            } catch (DateTimeParseException ignored) {
                // next form
            }
        }
        Matcher m = YMD.matcher(s);
        if (m.find()) {
            try {
                LocalDate day = LocalDate.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)));
                if (m.group(4) == null) {
                    return day.atStartOfDay(zone).toInstant();
                }
                return day.atTime(Integer.parseInt(m.group(4)), Integer.parseInt(m.group(5)),
                        m.group(6) == null ? 0 : Integer.parseInt(m.group(6))).atZone(zone).toInstant();
            } catch (java.time.DateTimeException e) {
                return null;
            }
        }
        return null;
    }

    private static Instant withPattern(String s, String pattern, ZoneId zone) {
        try {
            DateTimeFormatter f = DateTimeFormatter.ofPattern(pattern, Locale.ROOT);
            TemporalAccessor t = f.parseBest(s, ZonedDateTime::from, LocalDateTime::from, LocalDate::from);
            if (t instanceof ZonedDateTime z) {
                return z.toInstant();
            }
            if (t instanceof LocalDateTime l) {
                return l.atZone(zone).toInstant();
            }
            return ((LocalDate) t).atStartOfDay(zone).toInstant();
        } catch (RuntimeException e) {
            return null;
        }
    }
}
