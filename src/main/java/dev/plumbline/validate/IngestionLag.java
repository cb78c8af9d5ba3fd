package dev.plumbline.validate;

import com.fasterxml.jackson.databind.JsonNode;
import dev.plumbline.ingest.StagedRecord;
import java.time.Instant;
import dev.plumbline.validate.constraints.IsoTimestampParser;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
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
        long[] lags = sortedMillis(records, rows, eventTimeField);
        if (lags.length == 0) {
            return UNKNOWN;
        }
        return new IngestionLag(lags[(lags.length - 1) / 2], lags[lags.length - 1]);
    }

    /**
     * Each record's delay from the event time in {@code field} (an ISO-8601 offset date-time) to its ingestion, in
     * milliseconds, ascending; records without a readable event time are left out, early events count as 0.
     */
    public static long[] sortedMillis(List<StagedRecord> records, List<JsonNode> rows, String field) {
        ColumnVector values = ColumnValues.vector(rows, field);
        long[] lags = new long[values.size()];
        int readable = 0;
        for (int i = 0; i < lags.length; i++) {
            Instant eventTime = instant(values.text(i));
            if (eventTime != null) {
                lags[readable++] = Math.max(0, records.get(i).ingestedAt().toEpochMilli() - eventTime.toEpochMilli());
            }
        }
        long[] sorted = Arrays.copyOf(lags, readable);
        Arrays.sort(sorted);
        return sorted;
    }

    private static Instant instant(String text) {
        if (text == null) {
            return null;
        }
        try {
            return IsoTimestampParser.instant(text);
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
