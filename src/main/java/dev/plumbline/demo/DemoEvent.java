package dev.plumbline.demo;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Objects;

/**
 * One record of the demo stream: its Kafka key (null when the customer is missing), its value bytes, and the
 * incident that made it bad, or null for a normal record.
 */
public record DemoEvent(String key, byte[] value, IncidentKind incident) {

    public DemoEvent {
        Objects.requireNonNull(value, "value");
    }

    static DemoEvent normal(String key, byte[] value) {
        return new DemoEvent(key, value, null);
    }

    public boolean isIncident() {
        return incident != null;
    }

    /** The value decoded as UTF-8; bytes that are not UTF-8 show as replacement characters. */
    public String text() {
        return new String(value, StandardCharsets.UTF_8);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof DemoEvent that
                && Objects.equals(key, that.key)
                && Arrays.equals(value, that.value)
                && incident == that.incident;
    }

    @Override
    public int hashCode() {
        return Objects.hash(key, Arrays.hashCode(value), incident);
    }

    @Override
    public String toString() {
        return "DemoEvent[key=" + key + ", incident=" + incident + ", value=" + text() + "]";
    }
}
