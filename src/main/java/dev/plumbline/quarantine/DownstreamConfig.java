package dev.plumbline.quarantine;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Where and how often validation's decisions are published for downstream consumers. */
@ConfigMapping(prefix = "plumbline.downstream")
public interface DownstreamConfig {

    /** The Kafka topic of a dataset's records that passed validation (or were released) is this prefix + name. */
    @WithDefault("plumbline.validated.")
    String validatedTopicPrefix();

    /** How often the outbox is read (read by its schedule; listed here to document it). */
    @WithDefault("1s")
    Duration publishInterval();

    /** At most this many validation runs are published per transaction. */
    @WithDefault("10")
    int runsPerChunk();

    default String validatedTopic(String dataset) {
        return validatedTopicPrefix() + dataset;
    }
}
