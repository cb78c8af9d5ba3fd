package dev.plumbline.validate.analyzers;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Collection;
import java.util.Collections;
import dev.plumbline.validate.BatchParallelism;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The states of a set of distinct analyzers on one batch (each analyzer computed once, however many constraints
 * use it), mergeable with the states of other batches into a window.
 */
public final class AnalyzerStates {

    /** No states at all: the window before a dataset's first batch. */
    public static final AnalyzerStates EMPTY = new AnalyzerStates(Map.of());

    private final Map<Analyzer<?, ?>, State<?>> states;

    private AnalyzerStates(Map<Analyzer<?, ?>, State<?>> states) {
        this.states = Collections.unmodifiableMap(states);
    }

    public static AnalyzerStates compute(Collection<? extends Analyzer<?, ?>> analyzers, List<JsonNode> rows) {
        List<Analyzer<?, ?>> distinct = List.copyOf(new LinkedHashSet<>(analyzers));
        Stream<Analyzer<?, ?>> each = distinct.stream();
        List<State<?>> computed = (BatchParallelism.applies(rows.size()) ? each.parallel() : each)
                .<State<?>>map(analyzer -> analyzer.computeState(rows))
                .toList();
        Map<Analyzer<?, ?>, State<?>> states = new LinkedHashMap<>();
        for (int i = 0; i < distinct.size(); i++) {
            states.put(distinct.get(i), computed.get(i));
        }
        return new AnalyzerStates(states);
    }

    /** One analyzer's state, e.g. as loaded from a store. */
    public static <S extends State<S>> AnalyzerStates of(Analyzer<S, ?> analyzer, S state) {
        Map<Analyzer<?, ?>, State<?>> states = new LinkedHashMap<>();
        states.put(analyzer, state);
        return new AnalyzerStates(states);
    }

    /** The states of both, analyzer by analyzer; an analyzer known to one side only keeps that side's state. */
    public AnalyzerStates merge(AnalyzerStates other) {
        Map<Analyzer<?, ?>, State<?>> merged = new LinkedHashMap<>(states);
        other.states.forEach((analyzer, state) -> merged.merge(analyzer, state, AnalyzerStates::mergeStates));
        return new AnalyzerStates(merged);
    }

    public <S extends State<S>, M> Metric<M> metric(Analyzer<S, M> analyzer) {
        State<?> state = states.get(analyzer);
        if (state == null) {
            throw new IllegalArgumentException("no state for " + analyzer);
        }
        @SuppressWarnings("unchecked")
        S typed = (S) state;
        return analyzer.computeMetric(typed);
    }

    /** Every analyzer with its state, in the order they were computed. */
    public Map<Analyzer<?, ?>, State<?>> asMap() {
        return states;
    }

    public int size() {
        return states.size();
    }

    // Both states come from equal analyzers, so they are of the same type.
    @SuppressWarnings({"unchecked", "rawtypes"})
    private static State<?> mergeStates(State<?> a, State<?> b) {
        return ((State) a).merge(b);
    }
}
