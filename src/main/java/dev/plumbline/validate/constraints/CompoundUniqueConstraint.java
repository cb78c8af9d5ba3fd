package dev.plumbline.validate.constraints;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.plumbline.validate.ColumnValues;
import dev.plumbline.validate.ConstraintResult;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * {@code expect_compound_columns_to_be_unique}: no combination of the columns' values occurs twice in the
 * micro-batch; as for {@code expect_column_values_to_be_unique}, every row holding a duplicated combination is
 * unexpected. Numbers compare numerically and nulls equal each other (pandas' {@code duplicated}). Rows that
 * {@code ignore_row_if} skips neither count nor collide. {@link #column()} is the columns joined by ", ".
 */
public record CompoundUniqueConstraint(List<String> columns, IgnoreRowIf ignore, double mostly)
        implements MulticolumnConstraint {

    public static final String RULE = "expect_compound_columns_to_be_unique";

    public CompoundUniqueConstraint {
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
        Map<List<Object>, Integer> counts = new HashMap<>();
        for (JsonNode row : rows) {
            counts.merge(key(RecordValues.of(row, columns)), 1, Integer::sum);
        }
        return RecordValues.judge(this, columns, ignore, false, mostly, rows, values -> {
            int count = counts.get(key(values));
            return count == 1 ? null : "appears " + count + " times in this batch";
        }, "duplicated");
    }

    private static List<Object> key(ObjectNode values) {
        List<Object> key = new ArrayList<>();
        values.forEach(value -> key.add(value.isNull() ? UniqueWithinRecordConstraint.NullKey.NULL
                : ColumnValues.key(value)));
        return key;
    }
}
