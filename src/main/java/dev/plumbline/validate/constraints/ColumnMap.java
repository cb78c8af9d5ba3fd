package dev.plumbline.validate.constraints;

import com.fasterxml.jackson.databind.JsonNode;
import dev.plumbline.validate.Constraint;
import dev.plumbline.validate.ConstraintResult;
import java.util.List;
import java.util.function.Function;

/** Runs a per-value rule over the non-null values of one column and summarises it for a dashboard. */
final class ColumnMap {

    private ColumnMap() {
    }

    /**
     * Judges every non-null value with {@code problem} (see {@link Tally#judgeNonNull}); {@code failing} names
     * what the unexpected values did, e.g. "do not match ^a", for the summary "2 of 5 do not match ^a (40%)".
     */
    static ConstraintResult judge(Constraint constraint, double mostly, List<JsonNode> rows,
            Function<JsonNode, String> problem, String failing) {
        Tally tally = new Tally(constraint);
        tally.judgeNonNull(rows, problem);
        return tally.result(mostly, summary(tally, failing));
    }

    static String summary(Tally tally, String failing) {
        if (tally.evaluated() == 0) {
            return Tally.NO_VALUES;
        }
        return tally.unexpectedShare() + " " + failing + " (" + Tally.percent(tally.unexpected(), tally.evaluated())
                + ")";
    }

    /** The text a pattern or format is matched against: a string itself, a number or boolean as JSON; else null. */
    static String text(JsonNode value) {
        if (value.isTextual()) {
            return value.textValue();
        }
        return value.isNumber() || value.isBoolean() ? value.toString() : null;
    }
}
