package dev.plumbline.monitor.rules;

import java.util.Locale;

/** Where an alert is in its life: holding but not yet for its {@code for} duration, firing, or over. */
public enum AlertState {
    PENDING, FIRING, RESOLVED;

    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static AlertState of(String key) {
        return valueOf(key.toUpperCase(Locale.ROOT));
    }
}
