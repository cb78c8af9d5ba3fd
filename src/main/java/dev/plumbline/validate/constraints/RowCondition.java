package dev.plumbline.validate.constraints;

import com.fasterxml.jackson.databind.JsonNode;
import dev.plumbline.validate.ColumnValues;
import java.math.BigDecimal;
import java.util.Objects;
import java.util.Set;
import java.util.function.Predicate;

/**
 * A Great Expectations {@code row_condition} in the pandas query syntax ({@code condition_parser: pandas}),
 * selecting the rows an expectation judges: comparisons ({@code ==}, {@code !=}, {@code <}, {@code <=},
 * {@code >}, {@code >=}) between columns and literals, {@code .isnull()} and {@code .notnull()}, combined with
 * {@code &}, {@code |}, {@code ~} (or {@code and}, {@code or}, {@code not}) and parentheses.
 */
public record RowCondition(String expression, Set<String> columns, Predicate<JsonNode> predicate) {

    public RowCondition {
        Objects.requireNonNull(expression, "expression");
        columns = Set.copyOf(columns);
        Objects.requireNonNull(predicate, "predicate");
    }

    /** Parses a condition over the given columns; an unknown column or a syntax error is refused. */
    public static RowCondition parse(String expression, Set<String> knownColumns) {
        return new RowConditionParser(expression, knownColumns).parse();
    }

    public boolean test(JsonNode row) {
        return predicate.test(row);
    }

    /**
     * Compares as pandas does: a null is equal to nothing and unequal to everything; numbers (and booleans, as 1
     * and 0) compare numerically, strings lexically; values of different kinds are unequal and unordered
     * (where pandas would raise on ordering them, the row is simply not selected).
     */
    static boolean compare(String operator, JsonNode a, JsonNode b) {
        if (ColumnValues.isNull(a) || ColumnValues.isNull(b)) {
            return operator.equals("!=");
        }
        Integer sign = sign(a, b);
        if (sign == null) {
            return operator.equals("!=");
        }
        return switch (operator) {
            case "==" -> sign == 0;
            case "!=" -> sign != 0;
            case "<" -> sign < 0;
            case "<=" -> sign <= 0;
            case ">" -> sign > 0;
            case ">=" -> sign >= 0;
            default -> throw new IllegalArgumentException("unknown comparison " + operator);
        };
    }

    private static Integer sign(JsonNode a, JsonNode b) {
        BigDecimal x = ColumnValues.number(a);
        BigDecimal y = ColumnValues.number(b);
        if (x != null && y != null) {
            return x.compareTo(y);
        }
        if (a.isTextual() && b.isTextual()) {
            return a.textValue().compareTo(b.textValue());
        }
        return null;
    }

    @Override
    public String toString() {
        return expression;
    }
}
