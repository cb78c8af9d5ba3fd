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
    void theSameOffsetsStagedTwiceCountOnce() {
        String topic = PipelineFixtures.freshDatasetName("staging");
        List<IncomingRecord> batch = List.of(record(topic, 0, "{}"), record(topic, 1, "not json"));
        assertThat(staging.stage(batch, Instant.now())).isEqualTo(Map.of(topic, 2));
        assertThat(staging.stage(batch, Instant.now())).isEqualTo(Map.of(topic, 0));
        assertThat(staging.stagedCount(topic)).isEqualTo(2);
    }

    private static IncomingRecord record(String topic, long offset, String value) {
        return new IncomingRecord(topic, 0, offset, null, value.getBytes(StandardCharsets.UTF_8));
    }
}
