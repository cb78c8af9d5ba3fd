package dev.plumbline.validate.constraints;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/**
 * How rules read ISO-8601 timestamps from JSON text: with an offset (converted to UTC), without one (taken as UTC),
 * or a bare date (its midnight); a space may stand for the {@code T}.
 */
public final class Timestamps {

    private Timestamps() {
    }

    /** The timestamp in UTC, or null when the value is not ISO-8601 text. */
    public static LocalDateTime utc(JsonNode value) {
        if (value == null || !value.isTextual()) {
            return null;
        }
        String text = value.textValue().strip();
        if (text.length() > 10 && text.charAt(10) == ' ') {
            text = text.substring(0, 10) + 'T' + text.substring(11);
        }
        try {
            if (text.length() == 10) {
                return LocalDate.parse(text).atStartOfDay();
            }
            if (text.endsWith("Z") || text.matches(".*[+-]\\d{2}:?\\d{2}$")) {
                return OffsetDateTime.parse(text).withOffsetSameInstant(ZoneOffset.UTC).toLocalDateTime();
            }
            return LocalDateTime.parse(text);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /** ISO-8601 text without an offset, e.g. 2001-01-01T12:00:01, with a fraction only where there is one. */
    public static String iso(LocalDateTime timestamp) {
        return timestamp.format(DateTimeFormatter.ISO_LOCAL_DATE_TIME);
    }
}
