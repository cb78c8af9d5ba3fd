package dev.plumbline.validate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.plumbline.ingest.Payload;
import dev.plumbline.ingest.StagedRecord;
import dev.plumbline.validate.BatchValidated.RejectedRecord;
import dev.plumbline.validate.constraints.NotNullConstraint;
import dev.plumbline.validate.constraints.UniqueConstraint;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class BatchEvaluationTest {

    static final Instant INGESTED = Instant.parse("2026-03-17T12:00:00Z");
    static final Check STRICT_ID = new Check("orders", List.of(new UniqueConstraint("id"), new NotNullConstraint("id")));

    @Test
    void unreadableRecordsAreRejectedUnderTheMalformedRuleAndCountAgainstThePassRate() {
        BatchEvaluation e = BatchEvaluation.of(batch("{\"id\":\"a\"}", "{\"id\":", "{\"id\":\"b\"}"), STRICT_ID, null);
        assertThat(e.recordCount()).isEqualTo(3);
        assertThat(e.passedCount()).isEqualTo(2);
        assertThat(e.passRate()).isEqualTo(2.0 / 3);
        assertThat(e.rejected()).extracting(RejectedRecord::stagedRecordId).containsExactly(2L);
        assertThat(e.rejected().get(0).failures().get(0).rule()).isEqualTo(BatchEvaluation.MALFORMED);
        assertThat(e.rejected().get(0).failures().get(0).value()).isEqualTo("{\"id\":");
        assertThat(e.results().get(0).observed()).isEqualTo("1 of 3 could not be read");
        assertThat(e.success()).isFalse();
    }

    @Test
    void rowFailuresMapBackToTheirStagedRecordsPastUnreadableOnes() {
        BatchEvaluation e = BatchEvaluation.of(batch("not json", "{\"id\":\"x\"}", "{}", "{\"id\":\"x\"}"), STRICT_ID,
                null);
        assertThat(e.rejected()).extracting(RejectedRecord::stagedRecordId).containsExactly(1L, 2L, 3L, 4L);
        assertThat(e.rejected().get(2).failures()).extracting(RowFailure::rule)
                .containsExactly(NotNullConstraint.RULE);
    }

    @Test
    void aRuleThatToleratesSomeFailuresJudgesTheBatchButQuarantinesNoRecord() {
        Check tolerant = new Check("orders", List.of(new NotNullConstraint("id", 0.5)));
        BatchEvaluation e = BatchEvaluation.of(batch("{\"id\":1}", "{}", "{\"id\":3}"), tolerant, null);
        assertThat(e.rejected()).isEmpty();
        assertThat(e.passRate()).isEqualTo(1.0);
        assertThat(e.results().get(1).unexpected()).isEqualTo(1);
        assertThat(e.results().get(1).success()).isTrue();
    }

    @Test
    void lagIsTheMedianAndWorstDelayFromEventTimeToIngestion() {
        BatchEvaluation e = BatchEvaluation.of(batch(
                "{\"id\":1,\"t\":\"2026-03-17T11:59:59Z\"}",
                "{\"id\":2,\"t\":\"2026-03-17T11:59:58Z\"}",
                "{\"id\":3,\"t\":\"2026-03-14T12:00:00Z\"}",
                "{\"id\":4,\"t\":\"not a time\"}"), STRICT_ID, "t");
        assertThat(e.lag().p50Millis()).isEqualTo(2_000L);
        assertThat(e.lag().maxMillis()).isEqualTo(3 * 86_400_000L);
    }

    @Test
    void withoutAnEventTimeFieldTheLagIsUnknown() {
        assertThat(BatchEvaluation.of(batch("{\"id\":1}"), STRICT_ID, null).lag()).isEqualTo(IngestionLag.UNKNOWN);
    }

    private static List<StagedRecord> batch(String... values) {
        List<StagedRecord> records = new ArrayList<>();
        for (int i = 0; i < values.length; i++) {
            records.add(new StagedRecord(i + 1, "orders", 0, i, null,
                    Payload.read(values[i].getBytes(StandardCharsets.UTF_8)), INGESTED));
        }
        return records;
    }
}
