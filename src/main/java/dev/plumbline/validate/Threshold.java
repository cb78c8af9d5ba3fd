package dev.plumbline.validate;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.List;
import java.util.OptionalDouble;

/** The single ODCS operator of a library rule ({@code mustBe: 0}, {@code mustBeLessThan: 5}…) with its unit. */
record Threshold(String operator, JsonNode value, String unit) {

    private static final List<String> OPERATORS = List.of("mustBe", "mustNotBe", "mustBeGreaterThan",
            "mustBeGreaterOrEqualTo", "mustBeLessThan", "mustBeLessOrEqualTo", "mustBeBetween", "mustNotBeBetween");
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    static Threshold of(String metric, JsonNode rule) {
        List<String> given = OPERATORS.stream().filter(rule::has).toList();
        if (given.isEmpty()) {
            throw new UnrunnableRule(metric + " needs an operator, e.g. mustBe: 0");
        }
        if (given.size() > 1) {
            throw new UnrunnableRule(metric + " takes one operator, got " + String.join(", ", given));
        }
        String unit = rule.path("unit").asText("rows");
        if (!unit.equals("rows") && !unit.equals("percent")) {
            throw new UnrunnableRule("unit must be rows or percent, got \"" + unit + "\"");
        }
        return new Threshold(given.get(0), rule.get(given.get(0)), unit);
    }

    boolean isZero() {
        return operator.equals("mustBe") && value.isNumber() && value.decimalValue().signum() == 0;
    }

    /** The share of values that must pass when at most N percent may fail, or empty for any other threshold. */
    OptionalDouble mostly() {
        boolean atMost = operator.equals("mustBeLessThan") || operator.equals("mustBeLessOrEqualTo");
        if (!atMost || !unit.equals("percent") || !value.isNumber()) {
            return OptionalDouble.empty();
        }
        BigDecimal percent = value.decimalValue();
        if (percent.signum() < 0 || percent.compareTo(HUNDRED) > 0) {
            throw new UnrunnableRule(operator + " must be a percentage between 0 and 100, got " + value);
        }
        return OptionalDouble.of(BigDecimal.ONE.subtract(percent.movePointLeft(2)).doubleValue());
    }

    String describe() {
        return operator + ": " + value + (unit.equals("rows") ? "" : " (unit: " + unit + ")");
    }
}
