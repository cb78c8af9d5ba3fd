package dev.plumbline.validate;

import com.fasterxml.jackson.databind.JsonNode;
import dev.plumbline.validate.analyzers.Analyzer;
import dev.plumbline.validate.analyzers.AnalyzerStates;
import dev.plumbline.validate.analyzers.Metric;
import dev.plumbline.validate.window.WindowedConstraint;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.stream.IntStream;

/**
 * A named group of constraints evaluated together on one micro-batch; constraints built on equal analyzers share
 * one analyzer state per batch.
 */
public record Check(String name, List<Constraint> constraints) {

    public Check {
        Objects.requireNonNull(name, "name");
        constraints = List.copyOf(constraints);
    }

    public VerificationResult run(List<JsonNode> rows) {
        List<JsonNode> batch = columnar(rows);
        return run(batch, analyze(batch), BatchHistory.NONE);
    }

    /**
     * Runs on a batch whose analyzer states are computed; windowed rules merge in their earlier states. Pass the
     * rows {@link #columnar} gave, so that they are read once for the states and the rules.
     */
    public VerificationResult run(List<JsonNode> rows, AnalyzerStates states, BatchHistory history) {
        List<JsonNode> batch = columnar(rows);
        ConstraintResult[] results = new ConstraintResult[constraints.size()];
        // the rules on the rows alone run side by side on a large batch; windowed ones read their history here
        IntStream onRows = IntStream.range(0, results.length).filter(i -> !(constraints.get(i)
                instanceof WindowedConstraint) && !(constraints.get(i) instanceof AnalysisBasedConstraint));
        (BatchParallelism.applies(batch.size()) ? onRows.parallel() : onRows)
                .forEach(i -> results[i] = constraints.get(i).evaluate(batch));
        for (int i = 0; i < results.length; i++) {
            Constraint constraint = constraints.get(i);
            if (constraint instanceof WindowedConstraint windowed) {
                results[i] = windowed.evaluate(() -> history.earlier(windowed), states);
            } else if (constraint instanceof AnalysisBasedConstraint aggregate) {
                results[i] = aggregate.evaluate(metric(states, aggregate.analyzer()));
            }
        }
        return new VerificationResult(List.of(results));
    }

    /** The states of the distinct analyzers of this check's batch-level constraints, to merge into windows. */
    public AnalyzerStates analyze(List<JsonNode> rows) {
        return AnalyzerStates.compute(constraints.stream()
                .filter(AnalysisBasedConstraint.class::isInstance)
                .map(constraint -> ((AnalysisBasedConstraint) constraint).analyzer())
                .toList(), columnar(rows));
    }

    /**
     * The rows of a batch of JSON payloads (as staged) with the columns this check reads, and {@code more}, decoded
     * straight from the text into arrays; a row's tree is built only if a rule reads the row whole.
     */
    public List<JsonNode> rows(List<String> payloads, Collection<String> more) {
        List<String> names = new ArrayList<>(columns());
        names.addAll(more);
        return ColumnarRows.parse(payloads, names);
    }

    private List<String> columns() {
        return constraints.stream().map(Constraint::column).filter(Objects::nonNull).toList();
    }

    /** The rows with the columns this check reads taken out once, as arrays. */
    List<JsonNode> columnar(List<JsonNode> rows) {
        return rows instanceof ColumnarRows ? rows : ColumnarRows.of(rows, columns());
    }

    /** Judges this check's batch-level constraints on states merged over a window of batches. */
    public VerificationResult runAggregates(AnalyzerStates window) {
        return new VerificationResult(constraints.stream()
                .filter(AnalysisBasedConstraint.class::isInstance)
                .map(constraint -> (AnalysisBasedConstraint) constraint)
                .map(aggregate -> aggregate.evaluate(metric(window, aggregate.analyzer())))
                .toList());
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Metric<?> metric(AnalyzerStates states, Analyzer<?, ?> analyzer) {
        return states.metric((Analyzer) analyzer);
    }
}
