package dev.plumbline.ingest;

import java.time.Instant;

/** A record as it sits in staging: where it came from, when it arrived, and its payload. */
public record StagedRecord(long id, String topic, int partition, long offset, String key, Payload payload,
        Instant ingestedAt) {
}
