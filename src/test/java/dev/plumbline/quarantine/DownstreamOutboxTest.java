package dev.plumbline.quarantine;

import static dev.plumbline.PipelineFixtures.order;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.plumbline.EmbeddedStackResource;
import dev.plumbline.PipelineFixtures;
import dev.plumbline.TestKafka;
import dev.plumbline.contract.DatasetRegistry;
import dev.plumbline.ingest.StagingRepository;
import dev.plumbline.validate.BatchValidated;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(EmbeddedStackResource.class)
class DownstreamOutboxTest {

    private static final String PREFIX = "outbox";

    @Inject
    DatasetRegistry registry;
    @Inject
    StagingRepository staging;
    @Inject
    DownstreamOutbox outbox;
    @Inject
    DataSource dataSource;
    @Inject
    Batches batches;

    private final ObjectMapper json = new ObjectMapper();

    @Test
    void aRunPublishedFromMemorySaysWhatReadingItBackSays() throws Exception {
        String dataset = PipelineFixtures.freshDatasetName(PREFIX);
        TestKafka.publish(dataset, List.of(order("dup", 1, "USD"), order("dup", 2, "USD"), order("fine", 5, "EUR"),
                order("odd", 7, "XXX"), "not json"));
        await().atMost(Duration.ofSeconds(60)).until(() -> staging.stagedCount(dataset) == 5);
        PipelineFixtures.registerOrders(registry, dataset);
        BatchValidated batch = await().atMost(Duration.ofSeconds(30)).until(() -> batches.of(dataset),
                Objects::nonNull);

        List<DownstreamMessage> fromMemory = outbox.messagesOf(batch);
        List<DownstreamMessage> readBack;
        try (Connection c = dataSource.getConnection()) {
            readBack = outbox.readBack(c, List.of(batch.run().id));
        }

        // both duplicates fail the batch's uniqueness, as do the unknown currency and the unreadable record
        String passed = "plumbline.validated." + dataset;
        String quarantined = "plumbline.quarantine." + dataset;
        assertThat(fromMemory).extracting(DownstreamMessage::topic)
                .containsExactly(quarantined, quarantined, passed, quarantined, quarantined);
        assertThat(fromMemory).hasSameSizeAs(readBack);
        for (int i = 0; i < readBack.size(); i++) {
            DownstreamMessage memory = fromMemory.get(i);
            DownstreamMessage database = readBack.get(i);
            assertThat(memory.topic()).isEqualTo(database.topic());
            assertThat(memory.key()).isEqualTo(database.key());
            assertThat(memory.headers()).isEqualTo(database.headers());
            // PostgreSQL keeps the reasons as jsonb, which orders an object's keys its own way
            assertThat(json.readTree(memory.value())).isEqualTo(json.readTree(database.value()));
        }
    }

    /** The batches validated for this test's datasets, by dataset. */
    @ApplicationScoped
    static class Batches {
        private final Map<String, BatchValidated> seen = new ConcurrentHashMap<>();

        BatchValidated of(String dataset) {
            return seen.get(dataset);
        }

        void validated(@Observes(during = TransactionPhase.AFTER_SUCCESS) BatchValidated batch) {
            if (batch.datasetName().startsWith(PREFIX)) {
                seen.put(batch.datasetName(), batch);
            }
        }
    }
}
