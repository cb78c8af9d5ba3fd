package dev.plumbline.validate.freshness;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.plumbline.ingest.StagedRecord;
import dev.plumbline.validate.ConstraintResult;
import dev.plumbline.validate.IngestionLag;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code expect_latency_to_be_within_sla}: the 99th percentile of a batch's delays from event time to ingestion
 * is within the contract's latency SLA. A batch-level result ("p99 lag 3.2 s, SLA 60.0 s; 2 of 400 later"): a
 * late record is not wrong data (bitemporal as-of queries place it), so no record is quarantined for lateness;
 * as for every batch-level rule, {@code unexpected} is 1 when the batch fails, else 0.
 */
public record LatencyCheck(String column, Duration sla) {

    public static final String RULE = "expect_latency_to_be_within_sla";
    static final double PERCENTILE = 0.99;

    public ConstraintResult evaluate(List<StagedRecord> records, List<JsonNode> rows) {
        long[] lags = IngestionLag.sortedMillis(records, rows, column);
        String limit = "SLA " + format(sla.toMillis());
        if (lags.length == 0) {
            return new ConstraintResult(RULE, column, PERCENTILE, 0, 0, true, "no readable event times, " + limit,
                    null, Map.of());
        }
        long p99 = lags[(int) Math.ceil(PERCENTILE * lags.length) - 1];
        int late = (int) Arrays.stream(lags).filter(lag -> lag > sla.toMillis()).count();
        String observed = "p99 lag " + format(p99) + ", " + limit + "; " + late + " of " + lags.length + " later";
        boolean success = p99 <= sla.toMillis();
        return new ConstraintResult(RULE, column, PERCENTILE, lags.length, success ? 0 : 1, success, observed,
                JsonNodeFactory.instance.numberNode(p99 / 1000.0), Map.of());
    }

    /** A delay for a person: seconds below two minutes, then minutes, hours, days. */
    static String format(long millis) {
        double seconds = millis / 1000.0;
        if (seconds < 120) {
            return String.format(Locale.ROOT, "%.1f s", seconds);
        }
        if (seconds < 7_200) {
            return String.format(Locale.ROOT, "%.1f min", seconds / 60);
        }
        return seconds < 172_800 ? String.format(Locale.ROOT, "%.1f h", seconds / 3_600)
                : String.format(Locale.ROOT, "%.1f d", seconds / 86_400);
    }
}
