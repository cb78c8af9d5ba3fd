package dev.plumbline.validate;

import com.fasterxml.jackson.databind.JsonNode;
import dev.plumbline.contract.OdcsContract.SchemaProperty;
import dev.plumbline.validate.constraints.BetweenConstraint;
import dev.plumbline.validate.constraints.LogicalType;
import dev.plumbline.validate.constraints.NotNullConstraint;
import dev.plumbline.validate.constraints.TypeConstraint;
import java.math.BigDecimal;

/**
 * Compiles the schema fields of one property (required, logicalType, its numeric bounds) into batch rules;
 * {@code unique} and {@code primaryKey} mean unique across the dataset's history, a key rule
 * ({@link dev.plumbline.validate.history.KeyRules}), not the batch-only expect_column_values_to_be_unique.
 */
final class PropertyRules {

    private PropertyRules() {
    }

    static void compile(SchemaProperty property, Compilation compilation) {
        String column = property.name();
        if (property.required()) {
            compilation.add(new NotNullConstraint(column));
        }
        if (property.logicalType() != null) {
            LogicalType.of(property.logicalType()).ifPresentOrElse(
                    type -> compilation.add(new TypeConstraint(column, type)),
                    () -> compilation.problem(property.line(), property.path() + ".logicalType",
                            "unknown logicalType \"" + property.logicalType() + "\"; expected one of "
                                    + LogicalType.names()));
        }
        try {
            bounds(property, compilation);
        } catch (UnrunnableRule e) {
            compilation.problem(property.line(), property.path() + ".logicalTypeOptions", e.getMessage());
        }
    }

    private static void bounds(SchemaProperty property, Compilation compilation) {
        JsonNode options = property.logicalTypeOptions();
        if (options == null || !options.isObject()) {
            return;
        }
        BigDecimal minimum = bound(options, "minimum");
        BigDecimal exclusiveMinimum = bound(options, "exclusiveMinimum");
        BigDecimal maximum = bound(options, "maximum");
        BigDecimal exclusiveMaximum = bound(options, "exclusiveMaximum");
        BigDecimal min = oneOf("minimum", minimum, "exclusiveMinimum", exclusiveMinimum);
        BigDecimal max = oneOf("maximum", maximum, "exclusiveMaximum", exclusiveMaximum);
        if (min == null && max == null) {
            return;
        }
        if (min != null && max != null && min.compareTo(max) > 0) {
            throw new UnrunnableRule("the minimum " + min.toPlainString() + " is greater than the maximum "
                    + max.toPlainString());
        }
        compilation.add(new BetweenConstraint(property.name(), min, max, exclusiveMinimum != null,
                exclusiveMaximum != null, 1.0));
    }

    private static BigDecimal bound(JsonNode options, String key) {
        JsonNode value = options.path(key);
        if (value.isMissingNode() || value.isNull()) {
            return null;
        }
        if (!value.isNumber()) {
            throw new UnrunnableRule(key + " must be a number (Plumbline checks bounds on numbers only), got "
                    + value);
        }
        return value.decimalValue();
    }

    private static BigDecimal oneOf(String inclusiveKey, BigDecimal inclusive, String exclusiveKey,
            BigDecimal exclusive) {
        if (inclusive != null && exclusive != null) {
            throw new UnrunnableRule("give " + inclusiveKey + " or " + exclusiveKey + ", not both");
        }
        return inclusive != null ? inclusive : exclusive;
    }
}
