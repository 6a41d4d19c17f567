package io.clearflow.mining.log;

import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.ResolverStyle;
import java.time.temporal.ChronoField;

/**
 * Parses xs:dateTime and the CSV variant with a space ({@code 2011-10-11 13:45:40.276000+02:00}) to
 * epoch millis. A hand-written path handles the common shapes without allocation because parsing
 * timestamps dominates import time; anything unusual falls back to java.time. Values without an
 * offset are taken as UTC.
 */
public final class Timestamps {

    private static final DateTimeFormatter FALLBACK = new DateTimeFormatterBuilder()
            .parseCaseInsensitive()
            .append(DateTimeFormatter.ISO_LOCAL_DATE)
            .optionalStart().appendLiteral('T').optionalEnd()
            .optionalStart().appendLiteral(' ').optionalEnd()
            .append(DateTimeFormatter.ISO_LOCAL_TIME)
            .optionalStart().appendOffset("+HH:MM", "Z").optionalEnd()
            .optionalStart().appendOffset("+HHMM", "Z").optionalEnd()
            .parseDefaulting(ChronoField.OFFSET_SECONDS, 0)
            .toFormatter()
            .withResolverStyle(ResolverStyle.STRICT); // no 29 February 2023 or 24:00 rolled over silently

    /**
     * The timestamp of an event that has none (XES makes {@code time:timestamp} optional). Such an
     * event keeps its place in the log, and its case's durations are unavailable. Equal to
     * {@code ActivityInstances.UNKNOWN}, so pairing lifecycle events needs no special case.
     */
    public static final long NONE = Long.MIN_VALUE;

    private Timestamps() {
    }

    public static boolean known(long timestamp) {
        return timestamp != NONE;
    }

    /** Epoch millis, or throws {@link IllegalArgumentException} naming the value. */
    public static long parse(String value) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("empty timestamp");
        }
        String s = value.trim();
        long fast = fast(s);
        if (fast != Long.MIN_VALUE) {
            return fast;
        }
        try {
            return OffsetDateTime.parse(s, FALLBACK).toInstant().toEpochMilli();
        } catch (DateTimeException e) {
            throw new IllegalArgumentException("unparsable timestamp '" + value + "'");
        }
    }

    private static long fast(String value) {
        byte[] bytes = value.getBytes(StandardCharsets.ISO_8859_1); // other characters become '?' and fail the shape
        return parseFast(bytes, 0, bytes.length);
    }

    /**
     * yyyy-MM-dd[T ]HH:mm:ss[.f+][Z|±HH:MM] from ASCII bytes, without allocating (the XES reader's path);
     * {@code Long.MIN_VALUE} when the shape differs, then {@link #parse} gives the answer or the error.
     */
    public static long parseFast(byte[] b, int from, int to) {
        while (from < to && b[from] == ' ') {
            from++;
        }
        while (to > from && b[to - 1] == ' ') {
            to--;
        }
        return fast(b, from, to - from);
    }

    private static long fast(byte[] b, int o, int n) {
        if (n < 19 || b[o + 4] != '-' || b[o + 7] != '-' || (b[o + 10] != 'T' && b[o + 10] != ' ')
                || b[o + 13] != ':' || b[o + 16] != ':') {
            return Long.MIN_VALUE;
        }
        int year = digits(b, o + 0, 4);
        int month = digits(b, o + 5, 2);
        int day = digits(b, o + 8, 2);
        int hour = digits(b, o + 11, 2);
        int minute = digits(b, o + 14, 2);
        int second = digits(b, o + 17, 2);
        if ((year | month | day | hour | minute | second) < 0 || month < 1 || month > 12 || day < 1 || day > 31
                || hour > 23 || minute > 59 || second > 59) {
            return Long.MIN_VALUE;
        }
        int i = 19;
        int millis = 0;
        if (i < n && b[o + i] == '.') {
            i++;
            int scale = 100;
            int start = i;
            while (i < n && b[o + i] >= '0' && b[o + i] <= '9') {
                millis += (b[o + i] - '0') * scale;
                scale /= 10;
                i++;
            }
            if (i == start) {
                return Long.MIN_VALUE;
            }
        }
        int offsetSeconds = 0;
        if (i < n) {
            byte sign = b[o + i];
            if ((sign == 'Z' || sign == 'z') && i == n - 1) {
                offsetSeconds = 0;
            } else if ((sign == '+' || sign == '-') && n - i == 6 && b[o + i + 3] == ':') {
                int oh = digits(b, o + i + 1, 2);
                int om = digits(b, o + i + 4, 2);
                if ((oh | om) < 0 || om > 59 || oh * 60 + om > 18 * 60) {
                    return Long.MIN_VALUE;
                }
                offsetSeconds = (sign == '-' ? -1 : 1) * (oh * 3600 + om * 60);
            } else {
                return Long.MIN_VALUE;
            }
        }
        if (day > 28 && day > lengthOfMonth(year, month)) {
            return Long.MIN_VALUE;
        }
        long epochDay = epochDay(year, month, day);
        long seconds = epochDay * 86_400 + hour * 3600L + minute * 60L + second - offsetSeconds;
        return seconds * 1000 + millis;
    }

    private static int lengthOfMonth(int year, int month) {
        boolean leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
        return month == 2 ? (leap ? 29 : 28) : (month == 4 || month == 6 || month == 9 || month == 11 ? 30 : 31);
    }

    /** Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's days_from_civil), without allocating. */
    static long epochDay(int year, int month, int day) {
        int y = month <= 2 ? year - 1 : year;
        int era = Math.floorDiv(y, 400);
        int yearOfEra = y - era * 400;
        int dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1;
        int dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear;
        return era * 146_097L + dayOfEra - 719_468;
    }

    private static int digits(byte[] b, int from, int count) {
        int value = 0;
        for (int i = from; i < from + count; i++) {
            int c = b[i];
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }
}
