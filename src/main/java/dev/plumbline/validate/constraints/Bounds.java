package dev.plumbline.validate.constraints;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The range a batch metric must fall in: either bound may be absent (unbounded), strict bounds exclude
 * themselves. Numbers compare numerically, strings (e.g. ISO-8601 timestamps) lexically; a number never lies
 * within string bounds nor a string within numeric ones.
 */
public record Bounds(JsonNode min, JsonNode max, boolean strictMin, boolean strictMax) {

    public Bounds {
        min = absentIfNull(min);
        max = absentIfNull(max);
        for (JsonNode bound : new JsonNode[] {min, max}) {
            if (bound != null && !bound.isNumber() && !bound.isTextual()) {
                throw new IllegalArgumentException("a bound must be a number or a string, got " + bound);
            }
        }
        if (min != null && max != null && comparable(min, max) && compare(min, max) > 0) {
            throw new IllegalArgumentException("min_value " + min + " is greater than max_value " + max);
        }
    }

    public static Bounds unbounded() {
        return new Bounds(null, null, false, false);
    }

    public boolean isUnbounded() {
        return min == null && max == null;
    }

    public boolean contains(JsonNode value) {
        if (min != null) {
            if (!comparable(value, min)) {
                return false;
            }
            int sign = compare(value, min);
            if (sign < 0 || (strictMin && sign == 0)) {
                return false;
            }
        }
        if (max != null) {
            if (!comparable(value, max)) {
                return false;
            }
            int sign = compare(value, max);
            return sign < 0 || (!strictMax && sign == 0);
        }
        return true;
    }

    /** E.g. "expected 0 to 100", "expected above 3", "expected any value". */
    public String describe() {
        if (min == null && max == null) {
            return "expected any value";
        }
        if (min != null && max != null) {
            return "expected " + (strictMin ? "above " : "") + text(min) + " to " + (strictMax ? "below " : "")
                    + text(max);
        }
        return min != null ? "expected " + (strictMin ? "above " : "at least ") + text(min)
                : "expected " + (strictMax ? "below " : "at most ") + text(max);
    }

    private static JsonNode absentIfNull(JsonNode bound) {
        return bound == null || bound.isNull() || bound.isMissingNode() ? null : bound;
    }

    private static boolean comparable(JsonNode a, JsonNode b) {
        return (a.isNumber() && b.isNumber()) || (a.isTextual() && b.isTextual());
    }

    private static int compare(JsonNode a, JsonNode b) {
        return a.isNumber() ? a.decimalValue().compareTo(b.decimalValue()) : a.textValue().compareTo(b.textValue());
    }

    private static String text(JsonNode bound) {
        return bound.isTextual() ? bound.textValue() : Aggregates.number(bound);
    }
}
