package dev.plumbline.validate.constraints;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.OffsetTime;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * An ODCS {@code logicalType} and the JSON values that are of it: {@code integer} is a JSON integer token only
 * (5.0 is not an integer), and date, timestamp and time are ISO-8601 strings (a timestamp without an offset
 * is read as UTC).
 */
public enum LogicalType {
    STRING("string", "a string", JsonNode::isTextual),
    INTEGER("integer", "an integer", JsonNode::isIntegralNumber),
    NUMBER("number", "a number", value -> JsonValues.decimal(value) != null),
    BOOLEAN("boolean", "a boolean", JsonNode::isBoolean),
    DATE("date", "a date (yyyy-MM-dd)", value -> parses(value, LocalDate::parse)),
    TIMESTAMP("timestamp", "a timestamp (ISO-8601, e.g. 2024-03-14T09:30:00Z)", LogicalType::isTimestamp),
    TIME("time", "a time (HH:mm:ss)", value -> parses(value, LocalTime::parse) || parses(value, OffsetTime::parse)),
    OBJECT("object", "an object", JsonNode::isObject),
    ARRAY("array", "an array", JsonNode::isArray);

    private final String odcsName;
    private final String description;
    private final Predicate<JsonNode> test;

    LogicalType(String odcsName, String description, Predicate<JsonNode> test) {
        this.odcsName = odcsName;
        this.description = description;
        this.test = test;
    }

    public String odcsName() {
        return odcsName;
    }

    public String description() {
        return description;
    }

    public boolean matches(JsonNode value) {
        return test.test(value);
    }

    public static Optional<LogicalType> of(String odcsName) {
        return Arrays.stream(values()).filter(type -> type.odcsName.equals(odcsName)).findFirst();
    }

    public static String names() {
        return Arrays.stream(values()).map(LogicalType::odcsName).collect(Collectors.joining(", "));
    }

    private static boolean isTimestamp(JsonNode value) {
        return parses(value, OffsetDateTime::parse) || parses(value, LocalDateTime::parse);
    }

    private static boolean parses(JsonNode value, Function<String, ?> parser) {
        if (!value.isTextual()) {
            return false;
        }
        try {
            parser.apply(value.textValue());
            return true;
        } catch (DateTimeParseException e) {
            return false;
        }
    }
}
