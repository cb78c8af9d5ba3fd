package dev.plumbline.validate.constraints;

import com.fasterxml.jackson.databind.JsonNode;
import dev.plumbline.validate.ColumnValues;
import dev.plumbline.validate.Constraint;
import dev.plumbline.validate.ConstraintResult;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * {@code expect_column_values_to_not_be_in_set}: no non-null value of the column is one of a set of JSON
 * scalars (numbers compare numerically). The set may be empty; a null in it is ignored, as nulls are not
 * evaluated.
 */
public record NotInSetConstraint(String column, List<JsonNode> valueSet, double mostly) implements Constraint {

    public static final String RULE = "expect_column_values_to_not_be_in_set";

    public NotInSetConstraint {
        Objects.requireNonNull(column, "column");
        valueSet = valueSet.stream().filter(value -> !ColumnValues.isNull(value)).toList();
        if (!valueSet.stream().allMatch(JsonNode::isValueNode)) {
            throw new IllegalArgumentException("value_set must list strings, numbers or booleans");
        }
        Tally.requireMostly(mostly);
    }

    @Override
    public String rule() {
        return RULE;
    }

    @Override
    public ConstraintResult evaluate(List<JsonNode> rows) {
        Set<Object> forbidden = valueSet.stream().map(ColumnValues::key).collect(Collectors.toSet());
        return ColumnMap.judge(this, mostly, rows,
                value -> forbidden.contains(ColumnValues.key(value)) ? "is one of the forbidden values" : null,
                "in the forbidden set");
    }
}
