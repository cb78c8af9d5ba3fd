package dev.plumbline.validate.analyzers;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.List;
import java.util.Objects;

/**
 * The arithmetic mean of a column's numeric values (booleans as 1 and 0, as pandas does). State: the exact
 * (sum, count) of {@link SumState}, so merged windows give exactly the mean of all their values.
 */
public record Mean(String column) implements Analyzer<SumState, Double> {

    public Mean {
        Objects.requireNonNull(column, "column");
    }

    @Override
    public SumState computeState(List<JsonNode> rows) {
        return SumState.of(rows, column);
    }

    @Override
    public Metric<Double> computeMetric(SumState state) {
        String problem = state.problem();
        if (problem != null) {
            return Metric.undefined(state.count(), problem);
        }
        BigDecimal mean = state.sum().divide(BigDecimal.valueOf(state.count()), MathContext.DECIMAL128);
        return Metric.of(mean.doubleValue(), state.count());
    }
}
