package dev.plumbline.quarantine;

/**
 * What releasing records did: how many passed re-validation and went downstream, how many failed again and stay
 * in quarantine with their new reasons, and how many were left alone (already resolved, or their dataset has no
 * active contract).
 */
public record ReleaseOutcome(int released, int stillFailing, int skipped) {

    static final ReleaseOutcome NONE = new ReleaseOutcome(0, 0, 0);

    ReleaseOutcome plus(ReleaseOutcome other) {
        return new ReleaseOutcome(released + other.released, stillFailing + other.stillFailing,
                skipped + other.skipped);
    }
}
