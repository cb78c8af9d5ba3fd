package dev.plumbline.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.plumbline.EmbeddedStackResource;
import dev.plumbline.PipelineFixtures;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(EmbeddedStackResource.class)
class StagingRepositoryTest {

    @Inject
    StagingRepository staging;

    @Test
    void jsonThatPostgresRefusesIsStagedAsUnreadableWithoutBlockingItsBatch() {
        String topic = PipelineFixtures.freshDatasetName("staging");
        List<IncomingRecord> batch = List.of(record(topic, 0, "{\"id\": \"a\"}"),
                record(topic, 1, "{\"id\": \"lone \\ud800 surrogate\"}"), record(topic, 2, "{\"id\": \"c\"}"));

        assertThat(staging.stage(batch, Instant.now())).isEqualTo(Map.of(topic, 3));

        List<StagedRecord> staged = staging.claim(topic, 10);
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

        List<StagedRecord> staged = staging.claim(topic, 10);
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
        assertThat(staging.claim(topic, 10)).extracting(StagedRecord::offset).containsExactly(0L, 1L, 2L, 3L);
    }

    @Test
    void bytesThatAreNotTextAreStagedExactlyWithTheirReason() {
        String topic = PipelineFixtures.freshDatasetName("staging");
        byte[] notUtf8 = {'{', (byte) 0xC3, (byte) 0x28, 0, '}'};
        List<IncomingRecord> batch = List.of(new IncomingRecord(topic, 2, 7, "k-1", notUtf8),
                record(topic, 8, "{\"quote\": \"a \\\"b\\\" c\", \"n\": 1.50}"));

        assertThat(staging.stage(batch, Instant.now())).isEqualTo(Map.of(topic, 2));

        List<StagedRecord> staged = staging.claim(topic, 10);
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

    private static IncomingRecord record(String topic, long offset, String value) {
        return new IncomingRecord(topic, 0, offset, null, value.getBytes(StandardCharsets.UTF_8));
    }
}
