package dev.plumbline.quarantine;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** How the quarantine publishes its records and how long it keeps them. */
@ConfigMapping(prefix = "plumbline.quarantine")
public interface QuarantineConfig {

    /** The Kafka topic of a dataset's quarantined records is this prefix followed by the dataset's name. */
    @WithDefault("plumbline.quarantine.")
    String topicPrefix();

    /** Quarantined records older than this are deleted, whatever their status (e.g. {@code 30d}, {@code 12h}). */
    @WithDefault("30d")
    Duration retention();

    /** How often the retention sweep runs (read by its schedule; listed here to document it). */
    @WithDefault("1h")
    Duration retentionSweep();

    default String topic(String dataset) {
        return topicPrefix() + dataset;
    }
}
