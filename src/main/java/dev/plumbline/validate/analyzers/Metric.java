package dev.plumbline.validate.analyzers;

import java.util.Objects;

/**
 * What an analyzer measured from the {@code evaluated} non-null values it considered: a value, or none and the
 * problem that prevented one (no values, values that are not numbers…).
 */
public record Metric<T>(T value, long evaluated, String problem) {

    public Metric {
        if ((value == null) == (problem == null)) {
            throw new IllegalArgumentException("a metric has either a value or a problem");
        }
    }

    public static <T> Metric<T> of(T value, long evaluated) {
        return new Metric<>(Objects.requireNonNull(value, "value"), evaluated, null);
    }

    public static <T> Metric<T> undefined(long evaluated, String problem) {
        return new Metric<>(null, evaluated, Objects.requireNonNull(problem, "problem"));
    }

    public boolean isDefined() {
        return value != null;
    }
}
