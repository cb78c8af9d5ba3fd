package dev.plumbline.validate.analyzers;

import com.fasterxml.jackson.databind.JsonNode;
import dev.plumbline.validate.ColumnVector;
import java.util.List;

/**
 * The frozen reference of a population stability index: the bins ("slots") values fall into, nulls in the last
 * one, and the reference share of each. Approved with the contract version, never derived from checked data.
 */
public sealed interface PsiBaseline permits NumericBaseline, CategoricalBaseline {

    /** The value returned by {@link Binner#slotOf} for a value this baseline cannot place (text in numbers). */
    int UNPLACEABLE = -1;

    /** A readable name of each slot, in slot order; the last is the null slot. */
    List<String> labels();

    /** The reference share of each slot, in slot order; they sum to 1. */
    double[] expected();

    /** Places values into slots; prepared once per batch. */
    Binner binner();

    /** Places one value: a slot index, or {@link #UNPLACEABLE}. */
    interface Binner {
        int slotOf(JsonNode value);

        /** Places the value in row {@code row} of a decoded column, as {@link #slotOf(JsonNode)} places its node. */
        default int slotOf(ColumnVector values, int row) {
            return slotOf(values.node(row));
        }
    }

    /** Refuses shares that are negative or do not sum to 1 (within 1e-6). */
    static void requireShares(List<Double> shares, double nullShare) {
        double total = nullShare;
        for (double share : shares) {
            if (!(share >= 0 && share <= 1)) {
                throw new IllegalArgumentException("shares must be between 0 and 1, got " + share);
            }
            total += share;
        }
        if (!(nullShare >= 0 && nullShare <= 1)) {
            throw new IllegalArgumentException("null_share must be between 0 and 1, got " + nullShare);
        }
        if (Math.abs(total - 1.0) > 1e-6) {
            throw new IllegalArgumentException("the shares and null_share must sum to 1, got " + total);
        }
    }
}
