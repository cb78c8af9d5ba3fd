package dev.plumbline.validate.constraints;

import com.fasterxml.jackson.databind.JsonNode;
import dev.plumbline.validate.Constraint;
import dev.plumbline.validate.ConstraintResult;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * {@code expect_column_values_to_be_in_type_list}: each non-null value of the column is of one of the logical
 * types. An empty list accepts every value (Great Expectations' placeholder with no {@code type_list}).
 */
public record TypeListConstraint(String column, List<LogicalType> types, double mostly) implements Constraint {

    public static final String RULE = "expect_column_values_to_be_in_type_list";

    public TypeListConstraint {
        Objects.requireNonNull(column, "column");
        types = List.copyOf(types);
        Tally.requireMostly(mostly);
    }

    @Override
    public String rule() {
        return RULE;
    }

    @Override
    public ConstraintResult evaluate(List<JsonNode> rows) {
        String names = types.stream().map(LogicalType::odcsName).collect(Collectors.joining(", "));
        String problem = "is not " + types.stream().map(LogicalType::description).collect(Collectors.joining(" or "));
        return ColumnMap.judge(this, mostly, rows,
                value -> types.isEmpty() || types.stream().anyMatch(type -> type.matches(value)) ? null : problem,
                "not of the types " + names);
    }
}
