package dev.plumbline.monitor.history;

import java.time.Duration;
import java.time.Instant;

/** A bucket size of the metric history: every sample lands in one bucket of each. */
public enum Resolution {
    MINUTE(Duration.ofMinutes(1)),
    HOUR(Duration.ofHours(1)),
    DAY(Duration.ofDays(1));

    /** A chart gets at most this many points per series; the finest resolution that fits is used. */
    static final long MAX_POINTS = 1_500;

    private final Duration step;

    Resolution(Duration step) {
        this.step = step;
    }

    public Duration step() {
        return step;
    }

    int seconds() {
        return (int) step.toSeconds();
    }

    /** The start of the bucket holding this instant. */
    Instant bucket(Instant at) {
        long seconds = at.getEpochSecond();
        return Instant.ofEpochSecond(seconds - Math.floorMod(seconds, step.toSeconds()));
    }

    /** The finest resolution that still holds {@code from} under the retention and fits the range in few points. */
    static Resolution forRange(Instant from, Instant to, Instant now, HistoryConfig config) {
        for (Resolution resolution : values()) {
            boolean kept = !from.isBefore(now.minus(config.retention(resolution)));
            if (kept && Duration.between(from, to).dividedBy(resolution.step) <= MAX_POINTS) {
                return resolution;
            }
        }
        return DAY;
    }
}
