package dev.plumbline.validate.freshness;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.plumbline.ingest.Payload;
import dev.plumbline.ingest.StagedRecord;
import dev.plumbline.validate.ConstraintResult;
import dev.plumbline.validate.Rows;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class LatencyCheckTest {

    private static final Instant INGESTED = Instant.parse("2025-03-17T12:00:00Z");

    @Test
    void theBatchIsJudgedOnItsNinetyNinthPercentileLag() {
        List<JsonNode> rows = new ArrayList<>();
        for (int i = 1; i <= 100; i++) {
            rows.add(Rows.parse("{'event_time': '" + INGESTED.minusMillis(i * 100L) + "'}"));
        }
        rows.add(Rows.parse("{'event_time': 'yesterday'}"));

        ConstraintResult result = new LatencyCheck("event_time", Duration.ofSeconds(9)).evaluate(records(101), rows);

        assertThat(result.rule()).isEqualTo("expect_latency_to_be_within_sla");
        assertThat(result.success()).isFalse();
        assertThat(result.observed()).isEqualTo("p99 lag 9.9 s, SLA 9.0 s; 10 of 100 later");
        assertThat(result.evaluated()).isEqualTo(100);
        assertThat(result.unexpected()).isEqualTo(1);
        assertThat(result.rowFailures()).isEmpty();
        assertThat(new LatencyCheck("event_time", Duration.ofSeconds(10)).evaluate(records(101), rows).success())
                .isTrue();
    }

    @Test
    void delaysReadInTheirLargestSensibleUnit() {
        assertThat(LatencyCheck.format(3_200)).isEqualTo("3.2 s");
        assertThat(LatencyCheck.format(45 * 60_000)).isEqualTo("45.0 min");
        assertThat(LatencyCheck.format(5 * 3_600_000)).isEqualTo("5.0 h");
        assertThat(LatencyCheck.format(3 * 86_400_000L)).isEqualTo("3.0 d");
    }

    private static List<StagedRecord> records(int count) {
        List<StagedRecord> records = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            records.add(new StagedRecord(i, "orders", 0, i, null, new Payload("{}", null, null), INGESTED));
        }
        return records;
    }
}
