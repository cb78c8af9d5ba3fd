package dev.plumbline.validate.analyzers;

import com.fasterxml.jackson.databind.JsonNode;
import dev.plumbline.validate.ColumnValues;
import dev.plumbline.validate.ColumnVector;
import java.util.List;

/**
 * An analyzer that places a column's values into the slots of a frozen {@link PsiBaseline} and measures how far
 * the slot shares are from the reference's: PSI, Jensen–Shannon distance, the KS statistic at the baseline's
 * edges. Their state is the slot counts ({@link PsiState}), which merge exactly, so each can be windowed.
 */
public interface BaselineDivergence extends Analyzer<PsiState, Double> {

    String column();

    PsiBaseline baseline();

    @Override
    default PsiState computeState(List<JsonNode> rows) {
        PsiBaseline.Binner binner = baseline().binner();
        long[] counts = new long[baseline().expected().length];
        long unplaceable = 0;
        ColumnVector values = ColumnValues.vector(rows, column());
        for (int row = 0; row < values.size(); row++) {
            int slot = binner.slotOf(values, row);
            if (slot == PsiBaseline.UNPLACEABLE) {
                unplaceable++;
            } else {
                counts[slot]++;
            }
        }
        return new PsiState(counts, unplaceable);
    }

    /** Why the state has no measure (values that do not fit, or none), or null when it has one. */
    static Metric<Double> undefinedFor(PsiState state) {
        long total = state.total();
        if (state.unplaceable() > 0) {
            return Metric.undefined(total, state.unplaceable() + " of " + (total + state.unplaceable())
                    + " values do not fit the baseline (not numbers)");
        }
        return total == 0 ? Metric.undefined(0, "no values") : null;
    }
}
