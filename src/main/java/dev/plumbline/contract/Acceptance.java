package dev.plumbline.contract;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.List;

/**
 * The metric values an ODCS operator accepts ({@code mustBeLessThan: 5} accepts everything below 5), as a
 * union of ranges, so that two thresholds can be compared. {@code mustBeBetween} excludes both ends, as the
 * standard defines it, and {@code mustNotBeBetween} therefore accepts them.
 */
record Acceptance(List<Range> ranges) {

    /** A range of numbers; a null end is unbounded. */
    record Range(BigDecimal low, boolean lowIncluded, BigDecimal high, boolean highIncluded) {

        boolean contains(Range other) {
            return lowWithin(other) && highWithin(other);
        }

        private boolean lowWithin(Range other) {
            if (low == null) {
                return true;
            }
            int cmp = other.low == null ? -1 : other.low.compareTo(low);
            return cmp > 0 || cmp == 0 && (lowIncluded || !other.lowIncluded);
        }

        private boolean highWithin(Range other) {
            if (high == null) {
                return true;
            }
            int cmp = other.high == null ? 1 : other.high.compareTo(high);
            return cmp < 0 || cmp == 0 && (highIncluded || !other.highIncluded);
        }
    }

    /** What the operator accepts, or null when it is unknown or its operand is not a number or a pair of them. */
    static Acceptance of(String operator, JsonNode operand) {
        boolean pair = operand.isArray() && operand.size() == 2 && operand.get(0).isNumber()
                && operand.get(1).isNumber();
        if (operator.endsWith("Between")) {
            return pair ? between(operator.equals("mustBeBetween"), operand.get(0).decimalValue(),
                    operand.get(1).decimalValue()) : null;
        }
        if (!operand.isNumber()) {
            return null;
        }
        BigDecimal v = operand.decimalValue();
        return switch (operator) {
            case "mustBe" -> of(new Range(v, true, v, true));
            case "mustNotBe" -> of(new Range(null, false, v, false), new Range(v, false, null, false));
            case "mustBeGreaterThan" -> of(new Range(v, false, null, false));
            case "mustBeGreaterOrEqualTo" -> of(new Range(v, true, null, false));
            case "mustBeLessThan" -> of(new Range(null, false, v, false));
            case "mustBeLessOrEqualTo" -> of(new Range(null, false, v, true));
            default -> null;
        };
    }

    private static Acceptance between(boolean inside, BigDecimal low, BigDecimal high) {
        return inside ? of(new Range(low, false, high, false))
                : of(new Range(null, false, low, true), new Range(high, true, null, false));
    }

    private static Acceptance of(Range... ranges) {
        return new Acceptance(List.of(ranges));
    }

    /** Whether every value this accepts, the other accepts too. */
    boolean within(Acceptance other) {
        return ranges.stream().allMatch(mine -> other.ranges.stream().anyMatch(theirs -> theirs.contains(mine)));
    }
}
