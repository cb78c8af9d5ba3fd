package dev.plumbline.validate;

import com.fasterxml.jackson.databind.JsonNode;
import dev.plumbline.ingest.StagedRecord;
import java.time.Instant;
import dev.plumbline.validate.constraints.IsoTimestampParser;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * How long records took from their event time to ingestion in one batch: the median and the worst.
 * Null where the contract names no event time field or no record carries a readable one.
 */
public record IngestionLag(Long p50Millis, Long maxMillis) {

    static final IngestionLag UNKNOWN = new IngestionLag(null, null);

    static IngestionLag of(List<StagedRecord> records, List<JsonNode> rows, String eventTimeField) {
        if (eventTimeField == null) {
            return UNKNOWN;
        }
        List<Long> lags = sortedMillis(records, rows, eventTimeField);
        if (lags.isEmpty()) {
            return UNKNOWN;
        }
        return new IngestionLag(lags.get((lags.size() - 1) / 2), lags.get(lags.size() - 1));
    }

    /**
     * Each record's delay from the event time in {@code field} (an ISO-8601 offset date-time) to its ingestion, in
     * milliseconds, ascending; records without a readable event time are left out, early events count as 0.
     */
    public static List<Long> sortedMillis(List<StagedRecord> records, List<JsonNode> rows, String field) {
        List<Long> lags = new ArrayList<>();
        JsonNode[] values = ColumnValues.column(rows, field);
        for (int i = 0; i < values.length; i++) {
            Instant eventTime = instant(values[i]);
            if (eventTime != null) {
                lags.add(Math.max(0, records.get(i).ingestedAt().toEpochMilli() - eventTime.toEpochMilli()));
            }
        }
        Collections.sort(lags);
        return lags;
    }

    private static Instant instant(JsonNode value) {
        if (!value.isTextual()) {
            return null;
        }
        try {
            return IsoTimestampParser.instant(value.asText());
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
