package dev.plumbline.quarantine;

import java.time.Instant;
import java.util.List;

/** A quarantined record as a person reads it: where it came from, what it held, and why it failed. */
public record QuarantineEntry(long id, String dataset, String contractVersion, long validationRunId,
        String topic, int partition, long offset, String payload, Instant ingestedAt, Instant quarantinedAt,
        List<Reason> reasons) {

    /** One failed rule: its name, the column, the offending value, and the reason in words. */
    public record Reason(String rule, String column, String value, String reason) {
    }
}
