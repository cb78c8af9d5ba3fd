package dev.plumbline.validate.constraints;

import com.fasterxml.jackson.databind.JsonNode;
import dev.plumbline.validate.AnalysisBasedConstraint;
import dev.plumbline.validate.ConstraintResult;
import dev.plumbline.validate.ColumnValues;
import dev.plumbline.validate.analyzers.Frequencies;
import dev.plumbline.validate.analyzers.Metric;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * {@code expect_column_distinct_values_to_be_in_set}, {@code ..._to_contain_set} and {@code ..._to_equal_set}:
 * the set of distinct non-null values of the batch relates to a value set (numbers compare numerically). A null
 * value set, allowed for "in set" only, is the universal set. observed_value is the sorted distinct values.
 */
public record DistinctValuesConstraint(String column, Relation relation, List<JsonNode> valueSet)
        implements AnalysisBasedConstraint {

    /** How the distinct values must relate to the value set. */
    public enum Relation {
        IN_SET("expect_column_distinct_values_to_be_in_set"),
        CONTAIN_SET("expect_column_distinct_values_to_contain_set"),
        EQUAL_SET("expect_column_distinct_values_to_equal_set");

        private final String rule;

        Relation(String rule) {
            this.rule = rule;
        }

        public String rule() {
            return rule;
        }
    }

    private static final int SHOWN = 5;

    public DistinctValuesConstraint {
        Objects.requireNonNull(column, "column");
        Objects.requireNonNull(relation, "relation");
        if (valueSet == null && relation != Relation.IN_SET) {
            throw new IllegalArgumentException("value_set is required");
        }
        valueSet = valueSet == null ? null : List.copyOf(valueSet);
    }

    @Override
    public String rule() {
        return relation.rule();
    }

    @Override
    public Frequencies analyzer() {
        return new Frequencies(column);
    }

    @Override
    public ConstraintResult evaluate(Metric<?> metric) {
        Set<Object> distinct = ((Map<?, ?>) metric.value()).keySet().stream()
                .collect(() -> new TreeSet<>(ColumnValues.KEY_ORDER), Set::add, Set::addAll);
        List<Object> unexpected = new ArrayList<>();
        List<Object> missing = new ArrayList<>();
        if (valueSet != null) {
            Set<Object> expected = new TreeSet<>(ColumnValues.KEY_ORDER);
            valueSet.forEach(value -> expected.add(ColumnValues.key(value)));
            distinct.stream().filter(value -> !expected.contains(value)).forEach(unexpected::add);
            expected.stream().filter(value -> !distinct.contains(value)).forEach(missing::add);
        }
        boolean success = switch (relation) {
            case IN_SET -> unexpected.isEmpty();
            case CONTAIN_SET -> missing.isEmpty();
            case EQUAL_SET -> unexpected.isEmpty() && missing.isEmpty();
        };
        StringBuilder observed = new StringBuilder().append(distinct.size()).append(" distinct values");
        if (relation != Relation.CONTAIN_SET && !unexpected.isEmpty()) {
            observed.append("; not in set: ").append(shown(unexpected));
        }
        if (relation != Relation.IN_SET && !missing.isEmpty()) {
            observed.append("; missing from batch: ").append(shown(missing));
        }
        return Aggregates.result(this, metric, success, observed.toString(),
                Aggregates.json(distinct.stream().map(ColumnValues::json).toList()));
    }

    static String shown(List<Object> keys) {
        List<String> texts = keys.stream().limit(SHOWN).map(key -> Aggregates.value(ColumnValues.json(key))).toList();
        return String.join(", ", texts) + (keys.size() > SHOWN ? ", … (" + (keys.size() - SHOWN) + " more)" : "");
    }
}
