package dev.plumbline.validate;

import com.fasterxml.jackson.databind.JsonNode;
import dev.plumbline.ingest.StagedRecord;
import dev.plumbline.validate.constraints.IsoTimestampParser;
import java.time.Instant;
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
        long[] lags = new long[rows.size()];
        int n = 0;
        for (int i = 0; i < rows.size(); i++) {
            Instant eventTime = instant(rows.get(i).path(eventTimeField));
            if (eventTime != null) {
                lags[n++] = Math.max(0, records.get(i).ingestedAt().toEpochMilli() - eventTime.toEpochMilli());
            }
        }
        if (n == 0) {
            return UNKNOWN;
        }
        Arrays.sort(lags, 0, n);
        return new IngestionLag(lags[(n - 1) / 2], lags[n - 1]);
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
