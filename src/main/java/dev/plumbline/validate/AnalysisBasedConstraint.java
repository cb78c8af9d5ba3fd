package dev.plumbline.validate;

import com.fasterxml.jackson.databind.JsonNode;
import dev.plumbline.validate.analyzers.Analyzer;
import dev.plumbline.validate.analyzers.Metric;
import java.util.List;

/**
 * A batch-level constraint: an analyzer plus an assertion on its metric. It judges the batch as a whole, so its
 * results carry no row failures; {@link Check} computes each distinct analyzer once per batch.
 */
public interface AnalysisBasedConstraint extends Constraint {

    Analyzer<?, ?> analyzer();

    /** Judges a metric of {@link #analyzer()}, whether from one batch or from merged states of a window. */
    ConstraintResult evaluate(Metric<?> metric);

    @Override
    default ConstraintResult evaluate(List<JsonNode> rows) {
        return evaluate(analyzer().calculate(rows));
    }
}
