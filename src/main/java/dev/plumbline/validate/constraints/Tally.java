package dev.plumbline.validate.constraints;

import com.fasterxml.jackson.databind.JsonNode;
import dev.plumbline.validate.ColumnValues;
import dev.plumbline.validate.ColumnVector;
import dev.plumbline.validate.Constraint;
import dev.plumbline.validate.ConstraintResult;
import dev.plumbline.validate.RowFailure;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.IntFunction;

/** Counts the values one constraint evaluated and the rows it found unexpected, and makes its result. */
final class Tally {

    static final String NO_VALUES = "no non-null values";

    private final Constraint constraint;
    private final Map<Integer, RowFailure> failures = new TreeMap<>();
    private int evaluated;

    Tally(Constraint constraint) {
        this.constraint = constraint;
    }

    void expected() {
        evaluated++;
    }

    void expected(int values) {
        evaluated += values;
    }

    void unexpected(int row, JsonNode value, String reason) {
        evaluated++;
        failures.put(row, new RowFailure(constraint.rule(), constraint.column(), JsonValues.json(value), reason));
    }

    /**
     * Judges every non-null value of the column, as Great Expectations' column map expectations do (nulls
     * are not evaluated). {@code problem} says what is wrong with a value, completing the sentence
     * "column = value …", or gives null when the value is fine.
     */
    void judgeNonNull(List<JsonNode> rows, Function<JsonNode, String> problem) {
        ColumnVector values = ColumnValues.vector(rows, constraint.column());
        judgeNonNull(values, row -> problem.apply(values.node(row)));
    }

    /** As {@link #judgeNonNull(List, Function)}, with {@code problem} given the row of a non-null value. */
    void judgeNonNull(ColumnVector values, IntFunction<String> problem) {
        for (int i = 0; i < values.size(); i++) {
            if (values.isNull(i)) {
                continue;
            }
            String wrong = problem.apply(i);
            if (wrong == null) {
                evaluated++;
            } else {
                unexpected(i, values.node(i), constraint.column() + " = " + JsonValues.shortJson(values.node(i)) + " "
                        + wrong);
            }
        }
    }

    int evaluated() {
        return evaluated;
    }

    int unexpected() {
        return failures.size();
    }

    String unexpectedShare() {
        return unexpected() + " of " + evaluated;
    }

    ConstraintResult result(double mostly, String observed) {
        return new ConstraintResult(constraint.rule(), constraint.column(), mostly, evaluated, unexpected(),
                meets(mostly), observed, null, failures);
    }

    private boolean meets(double mostly) {
        // the tolerance keeps 95 of 100 meeting mostly 0.95 despite binary fractions
        return evaluated == 0 || evaluated - unexpected() >= mostly * evaluated - 1e-9;
    }

    static double requireMostly(double mostly) {
        if (!(mostly >= 0.0 && mostly <= 1.0)) {
            throw new IllegalArgumentException("mostly must be between 0 and 1, got " + mostly);
        }
        return mostly;
    }

    static String percent(int part, int whole) {
        double share = whole == 0 ? 0.0 : 100.0 * part / whole;
        if (part > 0 && share < 0.1) {
            return "<0.1%";
        }
        if (part < whole && share > 99.9) {
            return ">99.9%";
        }
        return BigDecimal.valueOf(share).setScale(1, RoundingMode.HALF_UP).stripTrailingZeros().toPlainString()
                + "%";
    }
}
