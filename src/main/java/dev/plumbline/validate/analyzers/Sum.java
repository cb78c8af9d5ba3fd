package dev.plumbline.validate.analyzers;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;

/** The sum of a column's numeric values, exact in decimals (state: {@link SumState}). */
public record Sum(String column) implements Analyzer<SumState, BigDecimal> {

    public Sum {
        Objects.requireNonNull(column, "column");
    }

    @Override
    public SumState computeState(List<JsonNode> rows) {
        return SumState.of(rows, column);
    }

    @Override
    public Metric<BigDecimal> computeMetric(SumState state) {
        String problem = state.problem();
        return problem != null ? Metric.undefined(state.count(), problem) : Metric.of(state.sum(), state.count());
    }
}
