package dev.plumbline.validate.window;

import dev.plumbline.validate.AnalysisBasedConstraint;
import dev.plumbline.validate.ConstraintResult;
import dev.plumbline.validate.analyzers.Analyzer;
import dev.plumbline.validate.analyzers.AnalyzerStates;
import dev.plumbline.validate.analyzers.Metric;
import java.util.Objects;
import java.util.function.Supplier;

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
        return evaluate(() -> earlier, batch);
    }

    /**
     * Like {@link #evaluate(WindowStates, AnalyzerStates)}, reading the earlier states only where the verdict needs
     * them: a batch-first rule whose batch is enough alone never reads its window.
     */
    public ConstraintResult evaluate(Supplier<WindowStates> earlierStates, AnalyzerStates batch) {
        Metric<?> alone = constraint instanceof BatchFirst ? metric(batch) : null;
        if (alone != null && ((BatchFirst) constraint).enoughAlone(alone)) {
            return described(constraint.evaluate(alone), " (this batch alone: enough values for a verdict)");
        }
        WindowStates earlier = earlierStates.get();
        int batches = earlier.batches() + 1;
        return described(constraint.evaluate(metric(earlier.states().merge(batch))),
                " (window " + window.describe() + ": " + batches + (batches == 1 ? " batch)" : " batches)"));
    }

    private static ConstraintResult described(ConstraintResult result, String over) {
        return new ConstraintResult(result.rule(), result.column(), result.mostly(), result.evaluated(),
                result.unexpected(), result.success(), result.observed() + over, result.observedValue(),
                result.rowFailures());
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private Metric<?> metric(AnalyzerStates states) {
        return states.metric((Analyzer) analyzer());
    }
}
