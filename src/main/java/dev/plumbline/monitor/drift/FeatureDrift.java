package dev.plumbline.monitor.drift;

import com.fasterxml.jackson.databind.JsonNode;
import dev.plumbline.featurestore.FeatureDriftReading;
import dev.plumbline.validate.analyzers.Metric;
import dev.plumbline.validate.analyzers.PopulationStabilityIndex;
import dev.plumbline.validate.analyzers.PsiBaseline;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

/**
 * One feature's PSI against its frozen baseline over a sample of served values (each row an entity's values by
 * feature name), with the contract rule's analyzer: the same bins, null slot, "unseen" slot and epsilon. Fewer
 * values than {@code minSample} (nulls included) is "insufficient data", not drift.
 */
public record FeatureDrift(String feature, PsiBaseline baseline, long minSample, double epsilon) {

    public FeatureDrift {
        if (minSample < 1) {
            throw new IllegalArgumentException("the minimum sample must be at least 1, got " + minSample);
        }
    }

    /** The reading of the rows refreshed in [{@code windowStart}, {@code at}). */
    public FeatureDriftReading measure(List<JsonNode> rows, Instant windowStart, Instant at) {
        PopulationStabilityIndex psi = new PopulationStabilityIndex(feature, baseline, epsilon);
        Metric<Double> metric = psi.computeMetric(psi.computeState(rows));
        long n = metric.evaluated();
        if (n < minSample) {
            return new FeatureDriftReading(feature, at, windowStart, n, null, FeatureDriftReading.INSUFFICIENT,
                    n + " of the " + minSample + " values PSI needs");
        }
        if (!metric.isDefined()) {
            return new FeatureDriftReading(feature, at, windowStart, n, null, FeatureDriftReading.UNDEFINED,
                    metric.problem());
        }
        return new FeatureDriftReading(feature, at, windowStart, n, metric.value(), FeatureDriftReading.MEASURED,
                String.format(Locale.ROOT, "PSI %.3f over %d values", metric.value(), n));
    }
}
