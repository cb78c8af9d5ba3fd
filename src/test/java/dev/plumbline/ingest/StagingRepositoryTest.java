package dev.plumbline.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.plumbline.EmbeddedStackResource;
import dev.plumbline.PipelineFixtures;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(EmbeddedStackResource.class)
class StagingRepositoryTest {

    @Inject
    StagingRepository staging;

    @Inject
    DataSource dataSource;

    @Test
    void jsonThatPostgresRefusesIsStagedAsUnreadableWithoutBlockingItsBatch() {
        String topic = PipelineFixtures.freshDatasetName("staging");
        List<IncomingRecord> batch = List.of(record(topic, 0, "{\"id\": \"a\"}"),
                record(topic, 1, "{\"id\": \"lone \\ud800 surrogate\"}"), record(topic, 2, "{\"id\": \"c\"}"));

        assertThat(staging.stage(batch, Instant.now())).isEqualTo(Map.of(topic, 3));

        List<StagedRecord> staged = staging.claim(topic, 10).records();
        assertThat(staged).extracting(r -> r.payload().readable()).containsExactly(true, false, true);
        assertThat(staged.get(1).payload().parseError()).startsWith("JSON that PostgreSQL cannot store: ");
        assertThat(new String(staged.get(1).payload().raw(), StandardCharsets.UTF_8)).contains("\\ud800");
    }

    @Test
    void aNumberBeyondWhatDecimalsHoldIsStagedAsUnreadableSoValidationNeverMeetsIt() {
        String topic = PipelineFixtures.freshDatasetName("staging");
        List<IncomingRecord> batch = List.of(record(topic, 0, "{\"amount\": 12e4567890123}"),
                record(topic, 1, "{\"amount\": 12}"));

        assertThat(staging.stage(batch, Instant.now())).isEqualTo(Map.of(topic, 2));

        List<StagedRecord> staged = staging.claim(topic, 10).records();
        assertThat(staged).extracting(r -> r.payload().readable()).containsExactly(false, true);
        assertThat(staged.get(0).payload().parseError()).contains("overflows numeric format");
    }

    @Test
    void theSameOffsetsStagedTwiceCountOnce() {
        String topic = PipelineFixtures.freshDatasetName("staging");
        List<IncomingRecord> batch = List.of(record(topic, 0, "{}"), record(topic, 1, "not json"));
        assertThat(staging.stage(batch, Instant.now())).isEqualTo(Map.of(topic, 2));
        assertThat(staging.stage(batch, Instant.now())).isEqualTo(Map.of(topic, 0));
        assertThat(staging.stagedCount(topic)).isEqualTo(2);
    }

    @Test
    void aBatchOverlappingStagedOffsetsStagesOnlyTheNewOnes() {
        String topic = PipelineFixtures.freshDatasetName("staging");
        staging.stage(List.of(record(topic, 0, "{\"n\": 0}"), record(topic, 1, "{\"n\": 1}")), Instant.now());

        Map<String, Integer> added = staging.stage(List.of(record(topic, 1, "{\"n\": 1}"),
                record(topic, 2, "{\"n\": 2}"), record(topic, 3, "not json")), Instant.now());

        assertThat(added).isEqualTo(Map.of(topic, 2));
        assertThat(staging.claim(topic, 10).records()).extracting(StagedRecord::offset).containsExactly(0L, 1L, 2L, 3L);
    }

    @Test
    void bytesThatAreNotTextAreStagedExactlyWithTheirReason() {
        String topic = PipelineFixtures.freshDatasetName("staging");
        byte[] notUtf8 = {'{', (byte) 0xC3, (byte) 0x28, 0, '}'};
        List<IncomingRecord> batch = List.of(new IncomingRecord(topic, 2, 7, "k-1", notUtf8),
                record(topic, 8, "{\"quote\": \"a \\\"b\\\" c\", \"n\": 1.50}"));

        assertThat(staging.stage(batch, Instant.now())).isEqualTo(Map.of(topic, 2));

        List<StagedRecord> staged = staging.claim(topic, 10).records();
        assertThat(staged.get(0).payload().raw()).containsExactly(notUtf8);
        assertThat(staged.get(0).payload().parseError()).startsWith("not UTF-8 text");
        assertThat(staged.get(0)).extracting(StagedRecord::partition, StagedRecord::offset, StagedRecord::key)
                .containsExactly(2, 7L, "k-1");
        assertThat(staged.get(1).payload().json()).isEqualTo("{\"n\": 1.50, \"quote\": \"a \\\"b\\\" c\"}");
        assertThat(staged.get(1).key()).isNull();
    }

    @Test
    void pendingCountsWhatWaitsAndKnowsTheOldest() {
        String topic = PipelineFixtures.freshDatasetName("staging");
        Instant first = Instant.parse("2026-03-14T09:00:00Z");
        staging.stage(List.of(record(topic, 0, "{}"), record(topic, 1, "{}")), first);
        staging.stage(List.of(record(topic, 2, "{}"), record(topic, 3, "{}"), record(topic, 4, "{}")),
                first.plusSeconds(5));

        assertThat(staging.pending(topic)).isEqualTo(new StagingRepository.Pending(5, first));
    }

    @Test
    void aRecordWhoseStagingCommitsLateIsClaimedAfterTheOldestOpenTransactionEndsNeverSkipped() throws Exception {
        String topic = PipelineFixtures.freshDatasetName("staging");
        try (Connection slow = dataSource.getConnection()) {
            slow.setAutoCommit(false);
            try (PreparedStatement s = slow.prepareStatement("""
                    INSERT INTO staged_record (topic, kafka_partition, kafka_offset, payload, ingested_at)
                    VALUES (?, 0, 0, '{}', now())""")) {
                s.setString(1, topic);
                s.executeUpdate();
            }
            // staged and committed after the slow transaction began, so later in staging order
            staging.stage(List.of(record(topic, 1, "{}")), Instant.now());

            assertThat(claimed(topic)).as("nothing while an older staging transaction may still commit").isEmpty();
            slow.commit();
        }

        assertThat(claimed(topic)).containsExactly(0L, 1L);
        QuarkusTransaction.requiringNew().run(() -> staging.markValidated(staging.claim(topic, 10), 0));
        assertThat(claimed(topic)).isEmpty();
        assertThat(staging.pending(topic).count()).isZero();
        staging.stage(List.of(record(topic, 2, "{}")), Instant.now());
        assertThat(claimed(topic)).containsExactly(2L);
    }

    @Test
    void stagingOrderIsTheOrderOfTransactionIdsAsNumbersThenOfRecordIds() throws Exception {
        String topic = PipelineFixtures.freshDatasetName("staging");
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement("""
                INSERT INTO staged_record (topic, kafka_partition, kafka_offset, payload, ingested_at, staged_xact)
                VALUES (?, 0, ?, '{}', now(), ?::xid8)""")) {
            // as text "10" sorts before "9"; offsets 1 and 2 get the higher record ids but the lower transaction id
            for (Object[] row : new Object[][] {{0L, "10"}, {1L, "9"}, {2L, "9"}, {3L, "100"}}) {
                s.setString(1, topic);
                s.setLong(2, (Long) row[0]);
                s.setString(3, (String) row[1]);
                s.executeUpdate();
            }
        }

        assertThat(claimed(topic)).containsExactly(1L, 2L, 0L, 3L);
        QuarkusTransaction.requiringNew().run(() -> staging.markValidated(staging.claim(topic, 3), 0));
        assertThat(claimed(topic)).containsExactly(3L);
    }

    @Test
    void aTopicIsClaimedByOneTransactionAtATime() throws Exception {
        String topic = PipelineFixtures.freshDatasetName("staging");
        staging.stage(List.of(record(topic, 0, "{}")), Instant.now());
        assertThat(claimed(topic)).containsExactly(0L);
        try (Connection other = dataSource.getConnection()) {
            other.setAutoCommit(false);
            try (PreparedStatement s = other.prepareStatement(
                    "SELECT 1 FROM validation_cursor WHERE topic = ? FOR UPDATE")) {
                s.setString(1, topic);
                s.executeQuery().close();
            }
            assertThat(claimed(topic)).as("the cursor is held by another transaction").isEmpty();
            other.rollback();
        }
        assertThat(claimed(topic)).containsExactly(0L);
    }

    private List<Long> claimed(String topic) {
        return QuarkusTransaction.requiringNew().call(() -> staging.claim(topic, 10).records().stream()
                .map(StagedRecord::offset).toList());
    }

    private static IncomingRecord record(String topic, long offset, String value) {
        return new IncomingRecord(topic, 0, offset, null, value.getBytes(StandardCharsets.UTF_8));
    }
}
