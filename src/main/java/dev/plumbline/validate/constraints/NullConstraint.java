package dev.plumbline.validate.constraints;

import com.fasterxml.jackson.databind.JsonNode;
import dev.plumbline.validate.ColumnValues;
import dev.plumbline.validate.Constraint;
import dev.plumbline.validate.ConstraintResult;
import java.util.List;
import java.util.Objects;

/** {@code expect_column_values_to_be_null}: the column is null (or missing) in (mostly) every row. */
public record NullConstraint(String column, double mostly) implements Constraint {

    public static final String RULE = "expect_column_values_to_be_null";

    public NullConstraint {
        Objects.requireNonNull(column, "column");
        Tally.requireMostly(mostly);
    }

    @Override
    public String rule() {
        return RULE;
    }

    @Override
    public ConstraintResult evaluate(List<JsonNode> rows) {
        Tally tally = new Tally(this);
        for (int i = 0; i < rows.size(); i++) {
            JsonNode value = ColumnValues.field(rows.get(i), column);
            if (ColumnValues.isNull(value)) {
                tally.expected();
            } else {
                tally.unexpected(i, value, column + " = " + JsonValues.shortJson(value) + " should be null");
            }
        }
        String observed = rows.isEmpty() ? "no rows" : ColumnMap.summary(tally, "not null");
        return tally.result(mostly, observed);
    }
}
