package dev.plumbline.validate.analyzers;

import java.util.Locale;
import java.util.Optional;

/**
 * How a quantile between two sorted values is chosen, as numpy's and pandas' {@code interpolation} names them;
 * the position of quantile q among n sorted values is q·(n−1).
 */
public enum Interpolation {
    LINEAR, LOWER, HIGHER, MIDPOINT, NEAREST;

    public static Optional<Interpolation> of(String name) {
        for (Interpolation interpolation : values()) {
            if (interpolation.name().toLowerCase(Locale.ROOT).equals(name)) {
                return Optional.of(interpolation);
            }
        }
        return Optional.empty();
    }

    double quantile(double[] sorted, double q) {
        double position = q * (sorted.length - 1);
        int below = (int) Math.floor(position);
        int above = (int) Math.ceil(position);
        double fraction = position - below;
        return switch (this) {
            case LOWER -> sorted[below];
            case HIGHER -> sorted[above];
            case MIDPOINT -> (sorted[below] + sorted[above]) / 2;
            // numpy rounds half to even
            case NEAREST -> sorted[(int) Math.rint(position)];
            case LINEAR -> fraction < 0.5 ? sorted[below] + (sorted[above] - sorted[below]) * fraction
                    : sorted[above] - (sorted[above] - sorted[below]) * (1 - fraction);
        };
    }
}
