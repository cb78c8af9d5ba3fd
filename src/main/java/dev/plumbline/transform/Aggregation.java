package dev.plumbline.transform;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** How a feature folds the values of its source field within a window, and whether it needs numbers. */
public enum Aggregation {
    COUNT(false), SUM(true), AVG(true), MIN(true), MAX(true), STDDEV(true), LAST(false), APPROX_DISTINCT(false);

    private final boolean numeric;

    Aggregation(boolean numeric) {
        this.numeric = numeric;
    }

    public boolean numeric() {
        return numeric;
    }

    /** The name as written in a feature view, such as {@code approx_distinct}. */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<Aggregation> of(String key) {
        return Arrays.stream(values()).filter(a -> a.key().equals(key)).findFirst();
    }

    public static List<String> keys() {
        return Arrays.stream(values()).map(Aggregation::key).toList();
    }
}
