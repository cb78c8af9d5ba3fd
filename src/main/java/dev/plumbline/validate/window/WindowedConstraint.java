package dev.plumbline.validate.window;

import dev.plumbline.validate.AnalysisBasedConstraint;
import dev.plumbline.validate.ConstraintResult;
import dev.plumbline.validate.analyzers.Analyzer;
import dev.plumbline.validate.analyzers.AnalyzerStates;
import dev.plumbline.validate.analyzers.Metric;
import java.util.Objects;

/**
 * A batch-level rule judged over a {@link Window}: its analyzer's states of the earlier batches in the window,
 * as persisted with their runs, merged with the current batch's state. Without earlier states (the first batch,
 * or a check run outside the pipeline) it judges the batch alone, as a {@link BatchFirst} rule does whenever its
 * batch is enough.
 */
public record WindowedConstraint(AnalysisBasedConstraint constraint, Window window)
        implements AnalysisBasedConstraint {

    public WindowedConstraint {
        Objects.requireNonNull(constraint, "constraint");
        Objects.requireNonNull(window, "window");
    }

    @Override
    public String rule() {
        return constraint.rule();
    }

    @Override
    public String column() {
        return constraint.column();
    }

    @Override
    public Analyzer<?, ?> analyzer() {
        return constraint.analyzer();
    }

    @Override
    public ConstraintResult evaluate(Metric<?> metric) {
        return constraint.evaluate(metric);
    }

    /** Judges the merge of the window's earlier states and this batch's states. */
    public ConstraintResult evaluate(WindowStates earlier, AnalyzerStates batch) {
        Metric<?> alone = constraint instanceof BatchFirst ? metric(batch) : null;
        boolean enoughAlone = alone != null && ((BatchFirst) constraint).enoughAlone(alone);
        ConstraintResult result = constraint.evaluate(enoughAlone ? alone : metric(earlier.states().merge(batch)));
        int batches = earlier.batches() + 1;
        String over = enoughAlone ? " (this batch alone: enough values for a verdict)"
                : " (window " + window.describe() + ": " + batches + (batches == 1 ? " batch)" : " batches)");
        return new ConstraintResult(result.rule(), result.column(), result.mostly(), result.evaluated(),
                result.unexpected(), result.success(), result.observed() + over, result.observedValue(),
                result.rowFailures());
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private Metric<?> metric(AnalyzerStates states) {
        return states.metric((Analyzer) analyzer());
    }
}
