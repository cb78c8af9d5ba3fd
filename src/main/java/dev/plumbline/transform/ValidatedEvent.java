package dev.plumbline.transform;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;

/** A staged record that passed validation (or was released), with the time from which it may be used. */
public record ValidatedEvent(long stagedRecordId, long validationRunId, JsonNode payload, Instant knownAt) {
}
