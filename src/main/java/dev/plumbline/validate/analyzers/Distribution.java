package dev.plumbline.validate.analyzers;

import java.util.List;
import java.util.Locale;
import org.apache.commons.math3.distribution.BetaDistribution;
import org.apache.commons.math3.distribution.ChiSquaredDistribution;
import org.apache.commons.math3.distribution.GammaDistribution;
import org.apache.commons.math3.distribution.NormalDistribution;

/**
 * A frozen reference distribution by scipy's name and positional parameters: norm (loc, scale), beta (a, b, loc,
 * scale), gamma (a, loc, scale), uniform (loc, scale), chi2 (df, loc, scale), expon (loc, scale). Missing loc
 * and scale default to 0 and 1.
 */
public record Distribution(String name, List<Double> parameters) {

    private static final List<String> NAMES = List.of("norm", "beta", "gamma", "uniform", "chi2", "expon");

    public Distribution {
        if (!NAMES.contains(name)) {
            throw new IllegalArgumentException("distribution must be one of " + String.join(", ", NAMES)
                    + ", got " + name);
        }
        parameters = List.copyOf(parameters);
        int shapes = shapeCount(name);
        if (parameters.size() < shapes || parameters.size() > shapes + 2) {
            throw new IllegalArgumentException(name + " takes " + shapes + " shape parameter(s), then loc and scale");
        }
        if (parameters.size() == shapes + 2 && !(parameters.get(shapes + 1) > 0)) {
            throw new IllegalArgumentException("scale must be positive, got " + parameters.get(shapes + 1));
        }
        for (int i = 0; i < shapes; i++) {
            if (!(parameters.get(i) > 0)) {
                throw new IllegalArgumentException(name + "'s shape parameters must be positive");
            }
        }
    }

    public static int shapeCount(String name) {
        return switch (name.toLowerCase(Locale.ROOT)) {
            case "beta" -> 2;
            case "gamma", "chi2" -> 1;
            default -> 0;
        };
    }

    public double cdf(double x) {
        int shapes = shapeCount(name);
        double loc = parameters.size() > shapes ? parameters.get(shapes) : 0.0;
        double scale = parameters.size() > shapes + 1 ? parameters.get(shapes + 1) : 1.0;
        double z = (x - loc) / scale;
        return switch (name) {
            case "norm" -> new NormalDistribution(null, 0, 1).cumulativeProbability(z);
            case "beta" -> z <= 0 ? 0 : z >= 1 ? 1
                    : new BetaDistribution(null, parameters.get(0), parameters.get(1)).cumulativeProbability(z);
            case "gamma" -> z <= 0 ? 0 : new GammaDistribution(null, parameters.get(0), 1).cumulativeProbability(z);
            case "chi2" -> z <= 0 ? 0 : new ChiSquaredDistribution(null, parameters.get(0)).cumulativeProbability(z);
            case "uniform" -> Math.max(0, Math.min(1, z));
            case "expon" -> z <= 0 ? 0 : -Math.expm1(-z);
            default -> throw new IllegalStateException(name);
        };
    }
}
