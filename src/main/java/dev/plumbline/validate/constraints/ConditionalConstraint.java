package dev.plumbline.validate.constraints;

import com.fasterxml.jackson.databind.JsonNode;
import dev.plumbline.validate.Constraint;
import dev.plumbline.validate.ConstraintResult;
import dev.plumbline.validate.RowFailure;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * A row-level constraint judged only on the rows its {@link RowCondition} selects, as Great Expectations applies a
 * {@code row_condition}: the failing rows keep their index in the whole batch.
 */
public record ConditionalConstraint(Constraint constraint, RowCondition condition) implements Constraint {

    public ConditionalConstraint {
        Objects.requireNonNull(constraint, "constraint");
        Objects.requireNonNull(condition, "condition");
    }

    @Override
    public String rule() {
        return constraint.rule();
    }

    @Override
    public String column() {
        return constraint.column();
    }

    /** The rows the condition selects, in batch order (Great Expectations' domain for {@code element_count}). */
    public List<JsonNode> domain(List<JsonNode> rows) {
        return rows.stream().filter(condition::test).toList();
    }

    @Override
    public ConstraintResult evaluate(List<JsonNode> rows) {
        List<Integer> indices = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            if (condition.test(rows.get(i))) {
                indices.add(i);
            }
        }
        ConstraintResult inner = constraint.evaluate(indices.stream().map(rows::get).toList());
        Map<Integer, RowFailure> failures = new TreeMap<>();
        inner.rowFailures().forEach((index, failure) -> failures.put(indices.get(index), failure));
        return new ConstraintResult(inner.rule(), inner.column(), inner.mostly(), inner.evaluated(),
                inner.unexpected(), inner.success(), inner.observed() + " (in " + indices.size() + " of "
                        + rows.size() + " rows, where " + condition + ")", inner.observedValue(), failures);
    }
}
