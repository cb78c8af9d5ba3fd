package dev.plumbline.validate.constraints;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

/**
 * Reads ISO-8601 timestamps with an offset as {@link OffsetDateTime#parse(CharSequence)} reads them, taking the
 * shape nearly every producer writes ({@code 2024-03-14T09:30:00.123Z}, {@code …+01:00}) apart directly and
 * handing every other text to {@code java.time}: timestamps are read for each record, often more than once.
 */
public final class IsoTimestampParser {

    private static final int DATE_TIME = 19;
    private static final long NOT_QUICK = Long.MIN_VALUE;
    private static final int[] DAYS_IN_MONTH = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};

    private IsoTimestampParser() {
    }

    /** Whether OffsetDateTime.parse reads the text. */
    public static boolean isValid(String text) {
        if (quickSeconds(text) != NOT_QUICK) {
            return true;
        }
        try {
            OffsetDateTime.parse(text);
            return true;
        } catch (DateTimeParseException e) {
            return false;
        }
    }

    /** The instant of the timestamp; throws {@link DateTimeParseException} where OffsetDateTime.parse would. */
    public static Instant instant(String text) {
        long seconds = quickSeconds(text);
        return seconds != NOT_QUICK ? Instant.ofEpochSecond(seconds, nanos(text))
                : OffsetDateTime.parse(text).toInstant();
    }

    // The epoch second of text in the common shape, or NOT_QUICK for any other text or a field out of range:
    // java.time then decides, with its own error message.
    private static long quickSeconds(String s) {
        if (s.length() <= DATE_TIME || s.charAt(4) != '-' || s.charAt(7) != '-' || s.charAt(10) != 'T'
                || s.charAt(13) != ':' || s.charAt(16) != ':') {
            return NOT_QUICK;
        }
        int year = digits(s, 0, 4), month = digits(s, 5, 2), day = digits(s, 8, 2);
        int hour = digits(s, 11, 2), minute = digits(s, 14, 2), second = digits(s, 17, 2);
        if (year < 0 || month < 1 || month > 12 || day < 1 || day > daysIn(year, month) || hour < 0 || hour > 23
                || minute < 0 || minute > 59 || second < 0 || second > 59) {
            return NOT_QUICK;
        }
        int at = DATE_TIME;
        if (s.charAt(at) == '.') {
            int start = ++at;
            while (at < s.length() && at - start < 9 && isDigit(s.charAt(at))) {
                at++;
            }
            if (at == start) {
                return NOT_QUICK;
            }
        }
        int offsetSeconds = offsetSeconds(s, at);
        if (offsetSeconds == Integer.MIN_VALUE) {
            return NOT_QUICK;
        }
        return epochDay(year, month, day) * 86_400 + hour * 3_600 + minute * 60 + second - offsetSeconds;
    }

    /** The fraction of a second of text that {@link #quickSeconds} read, in nanoseconds. */
    private static int nanos(String s) {
        int nanos = 0, digits = 0;
        for (int at = DATE_TIME + 1; s.charAt(DATE_TIME) == '.' && at < s.length() && isDigit(s.charAt(at)); at++) {
            nanos = nanos * 10 + s.charAt(at) - '0';
            digits++;
        }
        for (; digits < 9; digits++) {
            nanos *= 10;
        }
        return nanos;
    }

    /** The offset at {@code at} to the end, Z or ±HH:MM up to ±18:00, in seconds; MIN_VALUE for anything else. */
    private static int offsetSeconds(String s, int at) {
        int left = s.length() - at;
        if (left == 1 && s.charAt(at) == 'Z') {
            return 0;
        }
        if (left != 6 || s.charAt(at + 3) != ':' || s.charAt(at) != '+' && s.charAt(at) != '-') {
            return Integer.MIN_VALUE;
        }
        int hours = digits(s, at + 1, 2), minutes = digits(s, at + 4, 2);
        if (hours < 0 || minutes < 0 || minutes > 59 || hours * 60 + minutes > 18 * 60) {
            return Integer.MIN_VALUE;
        }
        return (s.charAt(at) == '-' ? -1 : 1) * (hours * 3_600 + minutes * 60);
    }

    private static int daysIn(int year, int month) {
        boolean leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0);
        return month == 2 && leap ? 29 : DAYS_IN_MONTH[month - 1];
    }

    /** Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's days_from_civil). */
    private static long epochDay(int year, int month, int day) {
        long y = month <= 2 ? year - 1 : year;
        long era = Math.floorDiv(y, 400);
        long yearOfEra = y - era * 400;
        long dayOfYear = (153L * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1;
        long dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear;
        return era * 146_097 + dayOfEra - 719_468;
    }

    /** The number written by {@code count} ASCII digits from {@code from}, or -1 if one is not a digit. */
    private static int digits(String s, int from, int count) {
        int value = 0;
        for (int i = from; i < from + count; i++) {
            char c = s.charAt(i);
            if (!isDigit(c)) {
                return -1;
            }
            value = value * 10 + c - '0';
        }
        return value;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }
}
