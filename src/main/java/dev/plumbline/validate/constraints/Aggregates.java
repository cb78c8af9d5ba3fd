package dev.plumbline.validate.constraints;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.plumbline.validate.Constraint;
import dev.plumbline.validate.ConstraintResult;
import dev.plumbline.validate.ColumnValues;
import dev.plumbline.validate.analyzers.Metric;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.List;
import java.util.Map;

/**
 * How batch-level constraints report: no row failures, {@code evaluated} the non-null values the metric
 * considered, and {@code unexpected} 1 when the batch fails (the batch is the one unit judged), else 0.
 */
final class Aggregates {

    private static final JsonNodeFactory JSON = JsonNodeFactory.withExactBigDecimals(true);
    private static final MathContext SHOWN = new MathContext(6);

    private Aggregates() {
    }

    static ConstraintResult result(Constraint constraint, Metric<?> metric, boolean success, String observed,
            JsonNode observedValue) {
        return new ConstraintResult(constraint.rule(), constraint.column(), 1.0, (int) metric.evaluated(),
                success ? 0 : 1, success, observed, observedValue, Map.of());
    }

    /** A failed result for a metric that could not be measured (GX's null observed_value). */
    static ConstraintResult undefined(Constraint constraint, Metric<?> metric, String label) {
        return result(constraint, metric, false, label + " unknown: " + metric.problem(), null);
    }

    /** A metric value as Great Expectations' observed_value: numbers as JSON numbers, JSON values as they are. */
    static JsonNode json(Object value) {
        if (value instanceof JsonNode node) {
            return node;
        }
        if (value instanceof BigDecimal number) {
            return ColumnValues.json(number.stripTrailingZeros());
        }
        if (value instanceof Double number) {
            return JSON.numberNode(number);
        }
        if (value instanceof Long number) {
            return JSON.numberNode(number);
        }
        if (value instanceof List<?> list) {
            return JSON.arrayNode().addAll(list.stream().map(Aggregates::json).toList());
        }
        throw new IllegalArgumentException("no JSON form for metric value " + value);
    }

    /** A number for a person: at most six significant digits, no exponent for everyday magnitudes. */
    static String number(JsonNode number) {
        return number(number.decimalValue());
    }

    static String number(double number) {
        return Double.isFinite(number) ? number(BigDecimal.valueOf(number)) : Double.toString(number);
    }

    static String number(BigDecimal number) {
        BigDecimal rounded = number.round(SHOWN).stripTrailingZeros();
        return rounded.abs().compareTo(BigDecimal.valueOf(1_000_000_000L)) >= 0
                || (rounded.signum() != 0 && rounded.abs().compareTo(new BigDecimal("0.0001")) < 0)
                ? rounded.toString() : rounded.toPlainString();
    }

    static String value(JsonNode value) {
        return value.isNumber() ? number(value) : value.isTextual() ? value.textValue() : value.toString();
    }
}
