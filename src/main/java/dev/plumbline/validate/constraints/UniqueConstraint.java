package dev.plumbline.validate.constraints;

import com.fasterxml.jackson.databind.JsonNode;
import dev.plumbline.validate.ColumnValues;
import dev.plumbline.validate.ColumnVector;
import dev.plumbline.validate.Constraint;
import dev.plumbline.validate.ConstraintResult;
import java.util.List;
import java.util.Objects;

/**
 * {@code expect_column_values_to_be_unique}: no non-null value of the column occurs twice in the micro-batch;
 * as in Great Expectations, every row holding a duplicated value is unexpected.
 */
public record UniqueConstraint(String column, double mostly) implements Constraint {

    public static final String RULE = "expect_column_values_to_be_unique";

    public UniqueConstraint {
        Objects.requireNonNull(column, "column");
        Tally.requireMostly(mostly);
    }

    public UniqueConstraint(String column) {
        this(column, 1.0);
    }

    @Override
    public String rule() {
        return RULE;
    }

    @Override
    public ConstraintResult evaluate(List<JsonNode> rows) {
        ColumnVector values = ColumnValues.vector(rows, column);
        ValueCounts counts = ValueCounts.of(values);
        Tally tally = new Tally(this);
        for (int i = 0; i < values.size(); i++) {
            if (counts.isNull(i)) {
                continue;
            }
            int count = counts.count(i);
            if (count == 1) {
                tally.expected();
            } else {
                tally.unexpected(i, values.node(i), column + " " + JsonValues.shortJson(values.node(i)) + " appears "
                        + count + " times in this batch");
            }
        }
        return tally.result(mostly, observed(tally, values, counts));
    }

    // the example is the most repeated value, the first to appear among equals
    private static String observed(Tally tally, ColumnVector values, ValueCounts counts) {
        if (tally.evaluated() == 0) {
            return Tally.NO_VALUES;
        }
        int duplicated = 0;
        int example = -1;
        for (int i = 0; i < values.size(); i++) {
            if (!counts.isNull(i) && counts.isFirst(i) && counts.count(i) > 1) {
                duplicated++;
                example = example < 0 || counts.count(i) > counts.count(example) ? i : example;
            }
        }
        if (duplicated == 0) {
            return "all " + tally.evaluated() + " unique";
        }
        return duplicated + (duplicated == 1 ? " value" : " values") + " duplicated, e.g. "
                + JsonValues.shortJson(values.node(example)) + " ×" + counts.count(example);
    }
}
