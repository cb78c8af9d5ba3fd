package dev.plumbline.validate.constraints;

import com.fasterxml.jackson.databind.JsonNode;
import dev.plumbline.validate.ColumnValues;
import dev.plumbline.validate.ColumnVector;
import dev.plumbline.validate.Constraint;
import dev.plumbline.validate.ConstraintResult;
import java.util.List;
import java.util.Objects;

/** {@code expect_column_values_to_be_of_type}: the non-null values of the column are of an ODCS logical type. */
public record TypeConstraint(String column, LogicalType type, double mostly) implements Constraint {

    public static final String RULE = "expect_column_values_to_be_of_type";

    public TypeConstraint {
        Objects.requireNonNull(column, "column");
        Objects.requireNonNull(type, "type");
        Tally.requireMostly(mostly);
    }

    public TypeConstraint(String column, LogicalType type) {
        this(column, type, 1.0);
    }

    @Override
    public String rule() {
        return RULE;
    }

    @Override
    public ConstraintResult evaluate(List<JsonNode> rows) {
        Tally tally = new Tally(this);
        ColumnVector values = ColumnValues.vector(rows, column);
        tally.judgeNonNull(values, row -> type.matches(values, row) ? null : "is not " + type.description());
        String observed = tally.evaluated() == 0 ? Tally.NO_VALUES
                : tally.unexpectedShare() + " not of type " + type.odcsName() + " ("
                        + Tally.percent(tally.unexpected(), tally.evaluated()) + ")";
        return tally.result(mostly, observed);
    }
}
