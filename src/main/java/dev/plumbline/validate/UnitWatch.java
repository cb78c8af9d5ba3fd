package dev.plumbline.validate;

import com.fasterxml.jackson.databind.JsonNode;
import dev.plumbline.validate.analyzers.BaselineDivergence;
import dev.plumbline.validate.analyzers.NumericBaseline;
import dev.plumbline.validate.constraints.UnitScaleConstraint;
import dev.plumbline.validate.window.Window;
import dev.plumbline.validate.window.WindowedConstraint;
import java.util.List;

/**
 * Adds the unit watch ({@link UnitScaleConstraint}) to a property that declares its {@code unit} or
 * {@code currency} in {@code customProperties} and has a numeric drift baseline (PSI, JS or KS): the approved reference the
 * watch compares the batch's quantiles with, over the same window as that rule when it has one. Without a baseline
 * there is nothing frozen to compare against.
 */
final class UnitWatch {

    private static final List<String> UNIT_PROPERTIES = List.of("unit", "currency");

    private UnitWatch() {
    }

    static void compile(String column, JsonNode property, Compilation compilation) {
        String unit = declaredUnit(property);
        if (unit == null) {
            return;
        }
        // A windowed rule (window: 5m) has the same frozen baseline, and the watch judges the same window: a
        // micro-batch of a few dozen values is too few to tell a unit change from chance.
        for (Constraint c : compilation.constraints()) {
            Window window = c instanceof WindowedConstraint windowed ? windowed.window() : null;
            Constraint rule = c instanceof WindowedConstraint windowed ? windowed.constraint() : c;
            if (rule instanceof AnalysisBasedConstraint a && a.analyzer() instanceof BaselineDivergence d
                    && d.column().equals(column) && d.baseline() instanceof NumericBaseline baseline) {
                compilation.add(window == null ? UnitScaleConstraint.of(column, unit, baseline)
                        : new WindowedConstraint(UnitScaleConstraint.sketched(column, unit, baseline), window));
                return;
            }
        }
    }

    private static String declaredUnit(JsonNode property) {
        for (JsonNode custom : property.path("customProperties")) {
            if (UNIT_PROPERTIES.contains(custom.path("property").asText()) && custom.path("value").isTextual()) {
                return custom.path("value").asText();
            }
        }
        return null;
    }
}
