package dev.plumbline.featurestore.training;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.regex.Pattern;

/**
 * Label times as uploaded: ISO-8601 with an offset ({@code 2026-03-14T09:30:00Z}, {@code …+01:00}), without one
 * (read as UTC), with a space for the {@code T}, or a date alone (midnight UTC). Kept to the microsecond, as
 * PostgreSQL keeps event times, so "strictly before the label" means the same thing on both sides.
 */
final class LabelTimes {

    private static final Pattern SPACE = Pattern.compile("^(\\d{4}-\\d{2}-\\d{2}) (\\d)");

    private LabelTimes() {
    }

    static Instant parse(String text) {
        String iso = SPACE.matcher(text.strip()).replaceFirst("$1T$2");
        Instant time = instant(iso, text);
        if (time.getNano() % 1000 != 0) {
            throw new IllegalArgumentException("\"" + text + "\" is finer than a microsecond, which event times "
                    + "are not: round it to microseconds");
        }
        return time;
    }

    private static Instant instant(String iso, String text) {
        try {
            return OffsetDateTime.parse(iso).toInstant();
        } catch (DateTimeParseException e) {
            try {
                return LocalDateTime.parse(iso).toInstant(ZoneOffset.UTC);
            } catch (DateTimeParseException again) {
                try {
                    return LocalDate.parse(iso).atStartOfDay().toInstant(ZoneOffset.UTC);
                } catch (DateTimeParseException last) {
                    throw new IllegalArgumentException("\"" + text + "\" is not a timestamp: expected ISO-8601 such "
                            + "as 2026-03-14T09:30:00Z (UTC when no offset is given)");
                }
            }
        }
    }
}
