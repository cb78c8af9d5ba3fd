package dev.plumbline.validate.analyzers;

/** Checks on weights and the relative entropy of two weightings, as scipy computes them. */
final class Weights {

    private Weights() {
    }

    /** Weights must sum to 1 within numpy's allclose tolerance. */
    static void requireDistribution(double total) {
        if (!(Math.abs(total - 1.0) <= 1e-8 + 1e-5)) {
            throw new IllegalArgumentException("the weights of a partition must sum to 1, got " + total);
        }
    }

    /**
     * Kullback-Leibler divergence of {@code observed} from {@code expected} in nats, each normalized to sum to 1
     * first (scipy.stats.entropy); infinite where the observed weight is positive and the expected one zero, NaN
     * when either is all zeros.
     */
    static double relativeEntropy(double[] observed, double[] expected) {
        double observedTotal = sum(observed);
        double expectedTotal = sum(expected);
        double divergence = 0.0;
        for (int i = 0; i < observed.length; i++) {
            double p = observed[i] / observedTotal;
            double q = expected[i] / expectedTotal;
            if (Double.isNaN(p) || Double.isNaN(q)) {
                return Double.NaN;
            }
            if (p > 0) {
                divergence += q > 0 ? p * Math.log(p / q) : Double.POSITIVE_INFINITY;
            }
        }
        return divergence;
    }

    private static double sum(double[] weights) {
        double total = 0.0;
        for (double weight : weights) {
            total += weight;
        }
        return total;
    }
}
