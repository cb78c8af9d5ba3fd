package dev.plumbline.transform;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * A validated event as one feature view reads it: its entity, when it happened (event time), when Plumbline
 * could first use it (known-at: ingestion for records that passed, release for released ones), the values of
 * the view's source fields, and the staged record and validation run it comes from.
 */
public record FeatureEvent(long stagedRecordId, long validationRunId, String entity, Instant eventTime,
        Instant knownAt, ObjectNode values) {

    /** Projects a validated record; empty when it has no entity key or no readable event time. */
    public static Optional<FeatureEvent> project(ValidatedEvent event, FeatureViewDefinition view) {
        JsonNode entity = event.payload().get(view.entityKey());
        Optional<Instant> eventTime = instant(event.payload().get(view.eventTimeField()));
        if (entity == null || entity.isNull() || entity.isContainerNode() || eventTime.isEmpty()) {
            return Optional.empty();
        }
        ObjectNode values = JsonNodeFactory.instance.objectNode();
        for (String field : view.sourceFields()) {
            JsonNode value = event.payload().get(field);
            if (value != null && !value.isNull()) {
                values.set(field, value);
            }
        }
        return Optional.of(new FeatureEvent(event.stagedRecordId(), event.validationRunId(),
                entity.isTextual() ? entity.asText() : entity.toString(), eventTime.get(), event.knownAt(), values));
    }

    /** An ISO-8601 timestamp (with offset, or UTC without one) or epoch milliseconds. */
    static Optional<Instant> instant(JsonNode value) {
        if (value == null) {
            return Optional.empty();
        }
        if (value.isIntegralNumber()) {
            return Optional.of(Instant.ofEpochMilli(value.longValue()));
        }
        if (!value.isTextual()) {
            return Optional.empty();
        }
        String text = value.asText().strip();
        try {
            return Optional.of(OffsetDateTime.parse(text).toInstant());
        } catch (DateTimeParseException e) {
            try {
                return Optional.of(LocalDateTime.parse(text).toInstant(ZoneOffset.UTC));
            } catch (DateTimeParseException again) {
                return Optional.empty();
            }
        }
    }
}
