package dev.plumbline.validate.conformance;

import java.util.Set;
import java.util.TreeSet;

/** What running one fixture case gave: passed, or why not; and the expected keys the harness could not compare. */
record GxOutcome(GxCase gxCase, String failure, Set<String> notCompared) {

    GxOutcome {
        notCompared = new TreeSet<>(notCompared);
    }

    boolean passed() {
        return failure == null;
    }
}
