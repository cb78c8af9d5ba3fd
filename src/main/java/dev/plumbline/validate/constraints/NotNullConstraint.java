package dev.plumbline.validate.constraints;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import dev.plumbline.validate.ColumnValues;
import dev.plumbline.validate.ColumnVector;
import dev.plumbline.validate.Constraint;
import dev.plumbline.validate.ConstraintResult;
import java.util.List;
import java.util.Objects;

/** {@code expect_column_values_to_not_be_null}: the column has a value in (mostly) every row. */
public record NotNullConstraint(String column, double mostly) implements Constraint {

    public static final String RULE = "expect_column_values_to_not_be_null";

    public NotNullConstraint {
        Objects.requireNonNull(column, "column");
        Tally.requireMostly(mostly);
    }

    public NotNullConstraint(String column) {
        this(column, 1.0);
    }

    @Override
    public String rule() {
        return RULE;
    }

    @Override
    public ConstraintResult evaluate(List<JsonNode> rows) {
        Tally tally = new Tally(this);
        String reason = mostly == 1.0 ? column + " is null but required" : column + " is null";
        ColumnVector values = ColumnValues.vector(rows, column);
        tally.expected(values.size() - values.nulls());
        for (int i = 0; values.nulls() > 0 && i < values.size(); i++) {
            if (values.isNull(i)) {
                tally.unexpected(i, NullNode.getInstance(), reason);
            }
        }
        String observed = rows.isEmpty() ? "no rows"
                : tally.unexpectedShare() + " null (" + Tally.percent(tally.unexpected(), tally.evaluated()) + ")";
        return tally.result(mostly, observed);
    }
}
