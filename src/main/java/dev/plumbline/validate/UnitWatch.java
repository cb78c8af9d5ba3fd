package dev.plumbline.validate;

import com.fasterxml.jackson.databind.JsonNode;
import dev.plumbline.validate.analyzers.BaselineDivergence;
import dev.plumbline.validate.analyzers.NumericBaseline;
import dev.plumbline.validate.constraints.UnitScaleConstraint;
import dev.plumbline.validate.window.WindowedConstraint;
import java.util.List;

/**
 * Adds the unit watch ({@link UnitScaleConstraint}) to a property that declares its {@code unit} or
 * {@code currency} in {@code customProperties} and has a numeric drift baseline (PSI, JS or KS): the approved reference the
 * watch compares the batch's quantiles with. Without a baseline there is nothing frozen to compare against.
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
        // A windowed rule (window: 5m) has the same frozen baseline; the watch itself judges each batch.
        compilation.constraints().stream()
                .map(c -> c instanceof WindowedConstraint windowed ? windowed.constraint() : c)
                .filter(c -> c instanceof AnalysisBasedConstraint a && a.analyzer() instanceof BaselineDivergence d
                        && d.column().equals(column) && d.baseline() instanceof NumericBaseline)
                .map(c -> (NumericBaseline) ((BaselineDivergence) ((AnalysisBasedConstraint) c).analyzer()).baseline())
                .findFirst()
                .ifPresent(baseline -> compilation.add(UnitScaleConstraint.of(column, unit, baseline)));
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
