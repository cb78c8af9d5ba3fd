package dev.plumbline.monitor.rules;

import java.time.Instant;
import java.util.SortedMap;

/** One episode of a condition, as stored: from the evaluation that first saw it to the one that saw it end. */
public record Alert(long id, String fingerprint, String rule, SortedMap<String, String> labels, String severity,
        AlertState state, String summary, Double value, Instant activeSince, Instant firedAt, Instant resolvedAt,
        Instant evaluatedAt) {

    public String label(String name) {
        return labels.get(name);
    }

    public boolean firing() {
        return state == AlertState.FIRING;
    }
}
