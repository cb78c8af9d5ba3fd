package dev.plumbline.validate.constraints;

import com.fasterxml.jackson.databind.JsonNode;
import dev.plumbline.validate.ColumnValues;
import dev.plumbline.validate.ConstraintResult;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * {@code expect_select_column_values_to_be_unique_within_record}: per record, no two of the columns hold the same
 * value (numbers compare numerically; two nulls are the same, as pandas' {@code nunique(dropna=False)} counts
 * them). {@link #column()} is the columns joined by ", ".
 */
public record UniqueWithinRecordConstraint(List<String> columns, IgnoreRowIf ignore, double mostly)
        implements MulticolumnConstraint {

    public static final String RULE = "expect_select_column_values_to_be_unique_within_record";

    public UniqueWithinRecordConstraint {
        columns = List.copyOf(columns);
        Objects.requireNonNull(ignore, "ignore_row_if");
        Tally.requireMostly(mostly);
    }

    @Override
    public String rule() {
        return RULE;
    }

    @Override
    public ConstraintResult evaluate(List<JsonNode> rows) {
        return RecordValues.judge(this, columns, ignore, false, mostly, rows, values -> {
            Set<Object> seen = new HashSet<>();
            for (JsonNode value : values) {
                if (!seen.add(value.isNull() ? NullKey.NULL : ColumnValues.key(value))) {
                    return "a value repeats";
                }
            }
            return null;
        }, "repeating a value");
    }

    /** Stands for null among the keys of a set, where nulls are equal to each other. */
    enum NullKey {
        NULL
    }
}
