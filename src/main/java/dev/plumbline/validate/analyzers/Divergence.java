package dev.plumbline.validate.analyzers;

/** Turns a computed divergence into a metric: infinite or NaN divergences have no value, as in Great Expectations. */
final class Divergence {

    private Divergence() {
    }

    static Metric<Double> metric(double divergence, long evaluated) {
        if (Double.isInfinite(divergence)) {
            return Metric.undefined(evaluated, "infinite: the batch has values where the reference has no weight");
        }
        if (Double.isNaN(divergence)) {
            return Metric.undefined(evaluated, "undefined: the batch or the reference has no weight at all");
        }
        return Metric.of(divergence, evaluated);
    }
}
