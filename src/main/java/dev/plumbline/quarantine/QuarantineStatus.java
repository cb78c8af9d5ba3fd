package dev.plumbline.quarantine;

import java.util.Locale;

/** Where a quarantined record stands: waiting, released downstream after passing again, or discarded. */
public enum QuarantineStatus {
    OPEN, RELEASED, DISCARDED;

    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The status a filter names, {@code open} when it names none; refuses an unknown one. */
    public static QuarantineStatus of(String key) {
        if (key == null || key.isBlank()) {
            return OPEN;
        }
        for (QuarantineStatus status : values()) {
            if (status.key().equals(key)) {
                return status;
            }
        }
        throw new IllegalArgumentException("status must be open, released or discarded, not " + key);
    }
}
