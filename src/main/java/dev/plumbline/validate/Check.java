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
        return new VerificationResult(constraints.stream()
                .map(constraint -> constraint instanceof WindowedConstraint windowed
                        ? windowed.evaluate(history.earlier(windowed), states)
                        : constraint instanceof AnalysisBasedConstraint aggregate
                        ? aggregate.evaluate(metric(states, aggregate.analyzer()))
                        : constraint.evaluate(batch))
                .toList());
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
