package dev.plumbline.quarantine;

import java.time.Instant;
import java.util.List;

/**
 * A quarantined record as a person reads it: where it came from, what it held, why it failed under the contract
 * version that last checked it, and what became of it.
 */
public record QuarantineEntry(long id, String dataset, String owningTeam, String contractVersion,
        long validationRunId, String topic, int partition, long offset, String payload, Instant ingestedAt,
        Instant quarantinedAt, List<Reason> reasons, QuarantineStatus status, Resolution resolution,
        int revalidations, Instant revalidatedAt) {

    /** One failed rule: its name, the column, the offending value, and the reason in words. */
    public record Reason(String rule, String column, String value, String reason) {
    }

    /** Who released or discarded the record, when, and the note they left (null while it is open). */
    public record Resolution(Instant at, String by, String note) {
    }

    public boolean isOpen() {
        return status == QuarantineStatus.OPEN;
    }

    /** The distinct rules the record failed, for a short summary. */
    public List<String> rules() {
        return reasons.stream().map(Reason::rule).distinct().toList();
    }
}
