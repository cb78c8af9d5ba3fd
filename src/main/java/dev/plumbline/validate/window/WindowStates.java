package dev.plumbline.validate.window;

import dev.plumbline.validate.analyzers.AnalyzerStates;

/** The merged states of the earlier batches of a window, and how many batches they came from. */
public record WindowStates(AnalyzerStates states, int batches) {

    public static final WindowStates NONE = new WindowStates(AnalyzerStates.EMPTY, 0);
}
