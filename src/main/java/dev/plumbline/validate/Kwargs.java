package dev.plumbline.validate;

import com.fasterxml.jackson.databind.JsonNode;
import dev.plumbline.validate.constraints.LogicalType;
import java.math.BigDecimal;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;

/** The keyword arguments of one Great Expectations expectation, read as the types Plumbline expects. */
final class Kwargs {

    private static final Set<String> IGNORED = Set.of("result_format", "catch_exceptions", "include_config", "meta");

    private final String expectation;
    private final JsonNode kwargs;
    private final String property;
    private final Set<String> columns;

    Kwargs(String expectation, JsonNode kwargs, String property, Set<String> columns) {
        this.expectation = expectation;
        this.kwargs = kwargs;
        this.property = property;
        this.columns = columns;
    }

    void allowOnly(Collection<String> arguments) {
        List<String> unknown = new ArrayList<>();
        kwargs.fieldNames().forEachRemaining(name -> {
            if (!arguments.contains(name) && !IGNORED.contains(name)) {
                unknown.add(name);
            }
        });
        if (!unknown.isEmpty()) {
            throw wrong("unknown argument " + String.join(", ", unknown) + "; expected "
                    + String.join(", ", arguments));
        }
    }

    String column() {
        JsonNode column = value("column");
        if (column == null) {
            return property;
        }
        if (!column.isTextual() || !columns.contains(column.textValue())) {
            throw wrong("column must name a property of this schema, got " + column);
        }
        return column.textValue();
    }

    /** A column named by another argument, e.g. {@code column_A} of a column-pair expectation. */
    String column(String key) {
        JsonNode column = value(key);
        if (column == null || !column.isTextual() || !columns.contains(column.textValue())) {
            throw wrong(key + " must name a property of this schema, got " + column);
        }
        return column.textValue();
    }

    double mostly() {
        JsonNode mostly = value("mostly");
        if (mostly == null) {
            return 1.0;
        }
        if (!mostly.isNumber() || mostly.doubleValue() < 0.0 || mostly.doubleValue() > 1.0) {
            throw wrong("mostly must be a number between 0 and 1, got " + mostly);
        }
        return mostly.doubleValue();
    }

    BigDecimal number(String key) {
        JsonNode number = value(key);
        if (number != null && !number.isNumber()) {
            throw wrong(key + " must be a number, got " + number);
        }
        return number == null ? null : number.decimalValue();
    }

    boolean flag(String key) {
        JsonNode flag = value(key);
        if (flag != null && !flag.isBoolean()) {
            throw wrong(key + " must be true or false, got " + flag);
        }
        return flag != null && flag.booleanValue();
    }

    /** The columns of the batch the rule runs on. */
    Set<String> columns() {
        return columns;
    }

    /** Two or more distinct columns ({@code column_list}). */
    List<String> columnList(String key) {
        List<String> names = strings(key);
        if (names.size() < 2 || names.stream().distinct().count() < names.size()
                || !columns.containsAll(names)) {
            throw wrong(key + " must list two or more distinct columns, got " + names);
        }
        return names;
    }

    /** The argument as given, or null when absent or null. */
    JsonNode json(String key) {
        return value(key);
    }

    String text(String key) {
        JsonNode text = value(key);
        if (text != null && !text.isTextual()) {
            throw wrong(key + " must be a string, got " + text);
        }
        return text == null ? null : text.textValue();
    }

    String choice(String key, String byDefault, List<String> choices) {
        String given = text(key);
        if (given == null) {
            return byDefault;
        }
        if (!choices.contains(given)) {
            throw wrong(key + " must be one of " + String.join(", ", choices) + ", got \"" + given + "\"");
        }
        return given;
    }

    /** A list of strings, required. */
    List<String> strings(String key) {
        JsonNode list = value(key);
        if (list == null || !list.isArray()) {
            throw wrong(key + " must be a list of strings, got " + list);
        }
        List<String> strings = new ArrayList<>();
        for (JsonNode item : list) {
            if (!item.isTextual()) {
                throw wrong(key + " must be a list of strings, got " + list);
            }
            strings.add(item.textValue());
        }
        return strings;
    }

    /** A whole, non-negative number, or null when absent. */
    Integer count(String key) {
        BigDecimal number = number(key);
        if (number == null) {
            return null;
        }
        if (number.signum() < 0 || number.stripTrailingZeros().scale() > 0
                || number.compareTo(BigDecimal.valueOf(Integer.MAX_VALUE)) > 0) {
            throw wrong(key + " must be a whole number of at least 0, got " + number.toPlainString());
        }
        return number.intValueExact();
    }

    /** A non-empty list of strings, numbers or booleans, required. */
    List<JsonNode> scalars(String key) {
        List<JsonNode> scalars = scalarsOrEmpty(key);
        if (scalars.isEmpty()) {
            throw wrong(key + " must list one or more strings, numbers or booleans");
        }
        return scalars;
    }

    /** A list of strings, numbers or booleans, required but possibly empty. */
    List<JsonNode> scalarsOrEmpty(String key) {
        JsonNode list = value(key);
        if (list == null || !list.isArray()) {
            throw wrong(key + " must be a list of strings, numbers or booleans, got " + list);
        }
        List<JsonNode> scalars = new ArrayList<>();
        list.forEach(scalars::add);
        if (!scalars.stream().allMatch(v -> v.isValueNode() && !v.isNull())) {
            throw wrong(key + " must list strings, numbers or booleans, got " + list);
        }
        return scalars;
    }

    LogicalType logicalType(String key) {
        JsonNode name = value(key);
        return LogicalType.ofExpectationName(name == null ? null : name.asText()).orElseThrow(() -> wrong(key
                + " must be one of the ODCS logical types " + LogicalType.names() + " or their Great Expectations "
                + "(pandas) names " + LogicalType.expectationNames() + ", got " + name));
    }

    UnrunnableRule wrong(String message) {
        return new UnrunnableRule(expectation + ": " + message);
    }

    /** The argument as given (a suite parameter evaluated), or null when absent or JSON null. */
    JsonNode value(String key) {
        JsonNode value = kwargs.path(key);
        if (!SuiteParameter.is(value)) {
            return value.isMissingNode() || value.isNull() ? null : value;
        }
        try {
            return SuiteParameter.evaluate(value, Clock.systemUTC());
        } catch (IllegalArgumentException | ArithmeticException | java.time.DateTimeException e) {
            throw wrong(key + ": " + e.getMessage());
        }
    }
}
