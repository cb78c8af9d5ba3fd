package dev.plumbline.validate.constraints;

import com.fasterxml.jackson.databind.JsonNode;
import dev.plumbline.validate.ColumnValues;
import dev.plumbline.validate.ColumnVector;
import dev.plumbline.validate.Constraint;
import dev.plumbline.validate.ConstraintResult;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
        Occurrences[] byRow = new Occurrences[values.size()];
        Map<Object, Occurrences> occurrences = occurrences(values, byRow);
        Tally tally = new Tally(this);
        for (int i = 0; i < byRow.length; i++) {
            if (byRow[i] == null) {
                continue;
            }
            int count = byRow[i].count;
            if (count == 1) {
                tally.expected();
            } else {
                tally.unexpected(i, values.node(i), column + " " + JsonValues.shortJson(values.node(i)) + " appears "
                        + count + " times in this batch");
            }
        }
        return tally.result(mostly, observed(tally, occurrences));
    }

    /** Counts each non-null value once, noting for each row its value's occurrences (nulls have none). */
    private static Map<Object, Occurrences> occurrences(ColumnVector values, Occurrences[] byRow) {
        Map<Object, Occurrences> occurrences = new LinkedHashMap<>(values.size() * 2);
        for (int i = 0; i < values.size(); i++) {
            if (values.isNull(i)) {
                continue;
            }
            Object key = values.kind(i) == ColumnVector.TEXT ? values.text(i) : ColumnValues.key(values.node(i));
            JsonNode value = values.node(i);
            byRow[i] = occurrences.computeIfAbsent(key, k -> new Occurrences(value));
            byRow[i].count++;
        }
        return occurrences;
    }

    private static String observed(Tally tally, Map<Object, Occurrences> occurrences) {
        if (tally.evaluated() == 0) {
            return Tally.NO_VALUES;
        }
        List<Occurrences> duplicated = occurrences.values().stream().filter(o -> o.count > 1).toList();
        if (duplicated.isEmpty()) {
            return "all " + tally.evaluated() + " unique";
        }
        Occurrences example = duplicated.get(0);
        for (Occurrences candidate : duplicated) {
            example = candidate.count > example.count ? candidate : example;
        }
        return duplicated.size() + (duplicated.size() == 1 ? " value" : " values") + " duplicated, e.g. "
                + JsonValues.shortJson(example.first) + " ×" + example.count;
    }

    private static final class Occurrences {
        private final JsonNode first;
        private int count;

        private Occurrences(JsonNode first) {
            this.first = first;
        }
    }
}
