package dev.plumbline.validate.constraints;

import com.fasterxml.jackson.databind.JsonNode;
import dev.plumbline.validate.ColumnValues;
import dev.plumbline.validate.ConstraintResult;
import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;

/**
 * {@code expect_multicolumn_sum_to_equal}: per record, the columns add up exactly to {@code sum_total} (decimals
 * are exact, 0.71 + 0.29 is 1). A null adds nothing, as pandas' row sum skips it; a value that is not a number
 * makes the record unexpected. {@link #column()} is the columns joined by ", ".
 */
public record MulticolumnSumConstraint(List<String> columns, BigDecimal sumTotal, IgnoreRowIf ignore,
        double mostly) implements MulticolumnConstraint {

    public static final String RULE = "expect_multicolumn_sum_to_equal";

    public MulticolumnSumConstraint {
        columns = List.copyOf(columns);
        Objects.requireNonNull(sumTotal, "sum_total");
        Objects.requireNonNull(ignore, "ignore_row_if");
        Tally.requireMostly(mostly);
    }

    @Override
    public String rule() {
        return RULE;
    }

    @Override
    public ConstraintResult evaluate(List<JsonNode> rows) {
        String total = JsonValues.number(sumTotal);
        return RecordValues.judge(this, columns, ignore, false, mostly, rows, values -> {
            BigDecimal sum = BigDecimal.ZERO;
            for (JsonNode value : values) {
                BigDecimal number = ColumnValues.decimal(value);
                if (number == null && !value.isNull()) {
                    return "a value is not a number";
                }
                sum = number == null ? sum : sum.add(number);
            }
            return sum.compareTo(sumTotal) == 0 ? null : "sums to " + JsonValues.number(sum) + ", not " + total;
        }, "not summing to " + total);
    }
}
