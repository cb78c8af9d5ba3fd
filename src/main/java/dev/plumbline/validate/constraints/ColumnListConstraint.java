package dev.plumbline.validate.constraints;

import com.fasterxml.jackson.databind.JsonNode;
import dev.plumbline.validate.Constraint;
import dev.plumbline.validate.ConstraintResult;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * {@code expect_table_columns_to_match_ordered_list} and {@code expect_table_columns_to_match_set}: the batch's
 * columns (first-seen order) are exactly the list in order, or the same set; with {@code exact_match} false the
 * set need only contain the expected columns. Null expected columns pass vacuously, except an exact set match,
 * which then fails on any column (as in Great Expectations). Its {@link #column()} is null; the observed value is
 * the batch's columns.
 */
public record ColumnListConstraint(String rule, List<String> expected, boolean exactMatch) implements Constraint {

    public static final String ORDERED = "expect_table_columns_to_match_ordered_list";
    public static final String SET = "expect_table_columns_to_match_set";

    public ColumnListConstraint {
        if (!rule.equals(ORDERED) && !rule.equals(SET)) {
            throw new IllegalArgumentException("not a column list rule: " + rule);
        }
        expected = expected == null ? null : List.copyOf(expected);
    }

    @Override
    public String column() {
        return null;
    }

    @Override
    public ConstraintResult evaluate(List<JsonNode> rows) {
        List<String> columns = TableShape.columns(rows);
        List<String> wanted = expected == null ? List.of() : expected;
        Set<String> missing = new LinkedHashSet<>(wanted);
        missing.removeAll(columns);
        Set<String> unexpected = new LinkedHashSet<>(columns);
        unexpected.removeAll(wanted);
        boolean success = rule.equals(ORDERED) ? expected == null || columns.equals(expected)
                : expected == null && !exactMatch || missing.isEmpty() && (!exactMatch || unexpected.isEmpty());
        List<String> problems = new ArrayList<>();
        if (!missing.isEmpty()) {
            problems.add("missing " + String.join(", ", missing));
        }
        if (!unexpected.isEmpty() && (exactMatch || rule.equals(ORDERED))) {
            problems.add("unexpected " + String.join(", ", unexpected));
        }
        if (problems.isEmpty() && !success) {
            problems.add("in another order");
        }
        String observed = String.join(", ", columns) + (success ? "" : " (" + String.join("; ", problems) + ")");
        return TableShape.result(this, success, observed, TableShape.names(columns));
    }
}
