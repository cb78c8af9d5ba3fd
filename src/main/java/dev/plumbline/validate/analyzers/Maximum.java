package dev.plumbline.validate.analyzers;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Objects;

/** The largest non-null value of a column, a number or a string; exact, merged by taking the larger. */
public record Maximum(String column) implements Analyzer<ExtremeState, JsonNode> {

    public Maximum {
        Objects.requireNonNull(column, "column");
    }

    @Override
    public ExtremeState computeState(List<JsonNode> rows) {
        return ExtremeState.of(1, rows, column);
    }

    @Override
    public Metric<JsonNode> computeMetric(ExtremeState state) {
        return state.metric();
    }
}
