package dev.plumbline.demo;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * The repeating schedule of incidents: the cycle is cut into equal windows that alternate calm and incident,
 * so each {@link IncidentKind} is active once per cycle, in declaration order, starting after one calm window.
 */
public final class IncidentScript {

    /** The share of records that an active incident makes bad; the rest of the stream stays normal. */
    public static final double DEFAULT_SHARE = 0.25;

    private static final IncidentKind[] KINDS = IncidentKind.values();
    private static final int WINDOWS = 2 * KINDS.length;

    private final Duration cycle;
    private final double share;

    public IncidentScript(Duration cycle, double share) {
        Objects.requireNonNull(cycle, "cycle");
        if (cycle.compareTo(Duration.ofSeconds(WINDOWS)) < 0) {
            throw new IllegalArgumentException(
                    "an incident cycle of " + cycle + " leaves less than one second per window; use at least "
                            + WINDOWS + "s");
        }
        if (!(share > 0 && share < 1)) {
            throw new IllegalArgumentException("the bad share must be between 0 and 1, exclusive: " + share);
        }
        this.cycle = cycle;
        this.share = share;
    }

    public static IncidentScript every(Duration cycle) {
        return new IncidentScript(cycle, DEFAULT_SHARE);
    }

    /** The incident active {@code elapsed} after the stream started, or empty in a calm window. */
    public Optional<IncidentKind> activeAt(Duration elapsed) {
        long offset = Math.floorMod(elapsed.toMillis(), cycle.toMillis());
        int window = (int) (offset * WINDOWS / cycle.toMillis());
        return window % 2 == 1 ? Optional.of(KINDS[window / 2]) : Optional.empty();
    }

    public Duration window() {
        return cycle.dividedBy(WINDOWS);
    }

    public Duration cycle() {
        return cycle;
    }

    public double share() {
        return share;
    }
}
