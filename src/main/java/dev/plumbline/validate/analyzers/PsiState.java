package dev.plumbline.validate.analyzers;

import java.util.Arrays;

/**
 * How many values of a batch fell into each slot of a frozen {@link PsiBaseline} (nulls in the last slot), and
 * how many could not be placed; counts add, so merging is exact and a window's PSI is that of all its values.
 */
public record PsiState(long[] counts, long unplaceable) implements State<PsiState> {

    public PsiState {
        counts = counts.clone();
    }

    @Override
    public PsiState merge(PsiState other) {
        if (other.counts.length != counts.length) {
            throw new IllegalArgumentException("PSI states of different baselines do not merge");
        }
        long[] merged = counts.clone();
        for (int i = 0; i < merged.length; i++) {
            merged[i] += other.counts[i];
        }
        return new PsiState(merged, unplaceable + other.unplaceable);
    }

    /** The values placed into slots, nulls included. */
    public long total() {
        return Arrays.stream(counts).sum();
    }

    @Override
    public long[] counts() {
        return counts.clone();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof PsiState state && Arrays.equals(counts, state.counts)
                && unplaceable == state.unplaceable;
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(counts) + Long.hashCode(unplaceable);
    }

    @Override
    public String toString() {
        return "PsiState[counts=" + Arrays.toString(counts) + ", unplaceable=" + unplaceable + "]";
    }
}
