package dev.plumbline.validate;

import java.math.BigDecimal;
import java.math.MathContext;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.function.Function;

/** The arithmetic of suite parameter expressions over numbers, timestamps and time spans, as Python's. */
final class Arithmetic {

    private Arithmetic() {
    }

    static Object add(Object left, Object right, boolean plus, Function<String, IllegalArgumentException> error) {
        if (left instanceof BigDecimal a && right instanceof BigDecimal b) {
            return plus ? a.add(b) : a.subtract(b);
        }
        if (left instanceof LocalDateTime a && right instanceof Duration b) {
            return plus ? a.plus(b) : a.minus(b);
        }
        if (left instanceof Duration a && right instanceof LocalDateTime b && plus) {
            return b.plus(a);
        }
        if (left instanceof Duration a && right instanceof Duration b) {
            return plus ? a.plus(b) : a.minus(b);
        }
        if (left instanceof LocalDateTime a && right instanceof LocalDateTime b && !plus) {
            return Duration.between(b, a);
        }
        throw error.apply("cannot " + (plus ? "add " : "subtract ") + kind(right) + (plus ? " to " : " from ")
                + kind(left));
    }

    static Object multiply(Object left, Object right, boolean times, Function<String, IllegalArgumentException> error) {
        if (left instanceof BigDecimal a && right instanceof BigDecimal b) {
            if (!times && b.signum() == 0) {
                throw error.apply("divides by zero");
            }
            return times ? a.multiply(b) : a.divide(b, MathContext.DECIMAL64);
        }
        if (left instanceof Duration a && right instanceof BigDecimal b) {
            BigDecimal nanos = BigDecimal.valueOf(a.toNanos());
            return Duration.ofNanos((times ? nanos.multiply(b) : nanos.divide(b, MathContext.DECIMAL64)).longValue());
        }
        if (left instanceof BigDecimal a && right instanceof Duration b && times) {
            return multiply(b, a, true, error);
        }
        throw error.apply("cannot " + (times ? "multiply " : "divide ") + kind(left) + (times ? " by " : " by ")
                + kind(right));
    }

    private static String kind(Object value) {
        if (value instanceof BigDecimal) {
            return "a number";
        }
        return value instanceof LocalDateTime ? "a timestamp" : "a time span";
    }
}
