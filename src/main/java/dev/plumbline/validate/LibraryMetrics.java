package dev.plumbline.validate;

import com.fasterxml.jackson.databind.JsonNode;
import dev.plumbline.validate.constraints.InSetConstraint;
import dev.plumbline.validate.constraints.NotNullConstraint;
import dev.plumbline.validate.constraints.UniqueConstraint;
import java.util.ArrayList;
import java.util.List;

/** Compiles the ODCS library metrics Plumbline runs on a property: nullValues, invalidValues, duplicateValues. */
final class LibraryMetrics {

    static final String RUNS = "nullValues, invalidValues, duplicateValues";

    private LibraryMetrics() {
    }

    static Constraint build(String metric, String column, JsonNode rule) {
        if (metric == null) {
            throw new UnrunnableRule("a library rule needs a metric; Plumbline runs: " + RUNS);
        }
        return switch (metric) {
            case "nullValues" -> nullValues(column, Threshold.of(metric, rule));
            case "invalidValues" -> invalidValues(column, rule);
            case "duplicateValues" -> duplicateValues(column, rule);
            default -> throw new UnrunnableRule("metric \"" + metric + "\" is not supported; Plumbline runs: " + RUNS);
        };
    }

    private static Constraint nullValues(String column, Threshold threshold) {
        if (threshold.isZero()) {
            return new NotNullConstraint(column);
        }
        var mostly = threshold.mostly();
        if (mostly.isPresent()) {
            return new NotNullConstraint(column, mostly.getAsDouble());
        }
        throw new UnrunnableRule("nullValues runs with mustBe: 0, or with mustBeLessThan or mustBeLessOrEqualTo and "
                + "unit: percent (a row count depends on the batch size); got " + threshold.describe());
    }

    private static Constraint invalidValues(String column, JsonNode rule) {
        JsonNode arguments = rule.path("arguments");
        if (arguments.has("pattern")) {
            throw new UnrunnableRule("invalidValues with arguments.pattern is not supported yet; "
                    + "Plumbline runs invalidValues with arguments.validValues");
        }
        requireZero("invalidValues", Threshold.of("invalidValues", rule));
        List<JsonNode> validValues = new ArrayList<>();
        arguments.path("validValues").forEach(validValues::add);
        if (validValues.isEmpty() || !validValues.stream().allMatch(v -> v.isValueNode() && !v.isNull())) {
            throw new UnrunnableRule("invalidValues needs arguments.validValues, a list of one or more strings, "
                    + "numbers or booleans");
        }
        return new InSetConstraint(column, validValues);
    }

    private static Constraint duplicateValues(String column, JsonNode rule) {
        if (rule.path("arguments").has("properties")) {
            throw new UnrunnableRule("duplicateValues across several properties is not supported yet; "
                    + "Plumbline runs duplicateValues on one property");
        }
        requireZero("duplicateValues", Threshold.of("duplicateValues", rule));
        return new UniqueConstraint(column);
    }

    private static void requireZero(String metric, Threshold threshold) {
        if (!threshold.isZero()) {
            throw new UnrunnableRule(metric + " runs with mustBe: 0; got " + threshold.describe());
        }
    }
}
