package dev.plumbline.validate.constraints;

import com.fasterxml.jackson.databind.JsonNode;
import dev.plumbline.validate.ColumnValues;
import dev.plumbline.validate.ColumnVector;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetTime;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
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
    NUMBER("number", "a number", value -> ColumnValues.decimal(value) != null),
    BOOLEAN("boolean", "a boolean", JsonNode::isBoolean),
    DATE("date", "a date (yyyy-MM-dd)", value -> textual(value, LogicalType::isDate)),
    TIMESTAMP("timestamp", "a timestamp (ISO-8601, e.g. 2024-03-14T09:30:00Z)",
            value -> textual(value, LogicalType::isTimestamp)),
    TIME("time", "a time (HH:mm:ss)", value -> textual(value, LogicalType::isTime)),
    OBJECT("object", "an object", JsonNode::isObject),
    ARRAY("array", "an array", JsonNode::isArray);

    /**
     * The Python and pandas type names Great Expectations suites use with {@code type_} and {@code type_list}
     * (pandas back end), read as the logical type a JSON value would need: a float is any JSON number, since
     * JSON writers drop the ".0" of whole floats; a datetime is an ISO-8601 timestamp string.
     */
    private static final Map<String, LogicalType> EXPECTATION_NAMES = expectationNames(Map.of(
            STRING, List.of("str", "unicode", "string_", "str_", "StringDtype"),
            INTEGER, List.of("int", "int8", "int16", "int32", "int64", "Int8", "Int16", "Int32", "Int64",
                    "Int64Dtype", "uint8", "uint16", "uint32", "uint64", "long", "int_"),
            NUMBER, List.of("float", "float16", "float32", "float64", "Float32", "Float64", "double", "decimal",
                    "float_"),
            BOOLEAN, List.of("bool", "bool_", "BooleanDtype"),
            TIMESTAMP, List.of("datetime", "datetime64", "datetime64[ns]", "Timestamp"),
            OBJECT, List.of("dict"),
            ARRAY, List.of("list")));

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

    /**
     * Whether the non-null value in row {@code row} is of this type, as {@link #matches(JsonNode)} says of its
     * node, decided from its kind and text where they tell, so that no node is made for a value that passes.
     */
    public boolean matches(ColumnVector values, int row) {
        return switch (values.kind(row)) {
            case ColumnVector.TEXT -> matchesText(values.text(row));
            case ColumnVector.NUMBER -> this == NUMBER || this == INTEGER && (values.isWhole(row)
                    || matches(values.node(row)));
            case ColumnVector.BOOLEAN -> this == BOOLEAN;
            default -> matches(values.node(row));
        };
    }

    public static Optional<LogicalType> of(String odcsName) {
        return Arrays.stream(values()).filter(type -> type.odcsName.equals(odcsName)).findFirst();
    }

    /** An ODCS logical type by its ODCS name, or by a Python/pandas type name used in expectation suites. */
    public static Optional<LogicalType> ofExpectationName(String name) {
        return name == null ? Optional.empty() : of(name).or(() -> Optional.ofNullable(EXPECTATION_NAMES.get(name)));
    }

    public static String expectationNames() {
        return String.join(", ", new TreeMap<>(EXPECTATION_NAMES).keySet());
    }

    private static Map<String, LogicalType> expectationNames(Map<LogicalType, List<String>> byType) {
        Map<String, LogicalType> byName = new HashMap<>();
        byType.forEach((type, names) -> names.forEach(name -> byName.put(name, type)));
        return Map.copyOf(byName);
    }

    public static String names() {
        return Arrays.stream(values()).map(LogicalType::odcsName).collect(Collectors.joining(", "));
    }

    private boolean matchesText(String text) {
        return switch (this) {
            case STRING -> true;
            case DATE -> isDate(text);
            case TIMESTAMP -> isTimestamp(text);
            case TIME -> isTime(text);
            default -> false;
        };
    }

    private static boolean textual(JsonNode value, Predicate<String> test) {
        return value.isTextual() && test.test(value.textValue());
    }

    private static boolean isDate(String text) {
        return parses(text, LocalDate::parse);
    }

    private static boolean isTimestamp(String text) {
        return IsoTimestampParser.isValid(text) || parses(text, LocalDateTime::parse);
    }

    private static boolean isTime(String text) {
        return parses(text, LocalTime::parse) || parses(text, OffsetTime::parse);
    }

    private static boolean parses(String text, Function<String, ?> parser) {
        try {
            parser.apply(text);
            return true;
        } catch (DateTimeParseException e) {
            return false;
        }
    }
}
