package dev.plumbline.validate.analyzers;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * Computes a mergeable {@link State} from a micro-batch and a {@link Metric} from that state. Analyzers are
 * records, so two equal analyzers in one check are computed once per batch.
 */
public interface Analyzer<S extends State<S>, M> {

    S computeState(List<JsonNode> rows);

    Metric<M> computeMetric(S state);

    default Metric<M> calculate(List<JsonNode> rows) {
        return computeMetric(computeState(rows));
    }
}
