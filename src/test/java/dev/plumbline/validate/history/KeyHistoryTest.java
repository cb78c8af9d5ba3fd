package dev.plumbline.validate.history;

import static dev.plumbline.PipelineFixtures.order;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;

import dev.plumbline.EmbeddedStackResource;
import dev.plumbline.PipelineFixtures;
import dev.plumbline.TestKafka;
import dev.plumbline.contract.ActiveContract;
import dev.plumbline.contract.DatasetRegistry;
import dev.plumbline.ingest.StagingRepository;
import dev.plumbline.validate.BatchValidator;
import dev.plumbline.validate.HistoryFixtures;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Keys unique across a dataset's history, through real Kafka, staging, validation and PostgreSQL. */
@QuarkusTest
@WithTestResource(EmbeddedStackResource.class)
class KeyHistoryTest {

    @Inject
    DatasetRegistry registry;
    @Inject
    StagingRepository staging;
    @Inject
    DataSource dataSource;
    @Inject
    BatchValidator validator;

    HistoryFixtures fixtures;

    @BeforeEach
    void fixtures() {
        fixtures = new HistoryFixtures(registry, staging, dataSource);
    }

    @Test
    void aKeyAcceptedInAnEarlierBatchQuarantinesItsRepeatNamingTheEarlierRecord() {
        String dataset = fixtures.register("keyed", HistoryFixtures.contract("keyed", ""));
        TestKafka.publish(dataset, List.of(order("k1", 1, "USD"), order("k2", 2, "USD")));
        fixtures.awaitValidated(dataset, 2);
        TestKafka.publish(dataset, List.of(order("k2", 3, "USD"), order("k3", 4, "USD")));
        fixtures.awaitValidated(dataset, 4);

        assertThat(fixtures.keys(dataset, "order_id")).isEqualTo(Map.of("k1", 0L, "k2", 1L, "k3", 3L));
        assertThat(fixtures.quarantined(dataset)).singleElement().asString()
                .contains("expect_column_values_to_be_unique_in_history")
                .contains("order_id \\\"k2\\\" was already accepted from staged record "
                        + fixtures.stagedId(dataset, 1) + " (" + dataset + ", partition 0, offset 1)");
    }

    @Test
    void eachBatchRecordsItsLatencyAgainstTheSlaAndTheDatasetItsStaleness() {
        String dataset = fixtures.register("fresh", HistoryFixtures.contract("keyed", ""));
        TestKafka.publish(dataset, List.of(order("f1", 1, "USD")));
        fixtures.awaitValidated(dataset, 1);

        assertThat(fixtures.observed(dataset, "expect_latency_to_be_within_sla")).singleElement().asString()
                .matches("true p99 lag \\d+\\.\\d s, SLA 60\\.0 s; 0 of 1 later");
        given().get("/q/metrics").then().statusCode(200)
                .body(containsString("plumbline_dataset_staleness_seconds{dataset=\"" + dataset + "\"}"));
    }

    @Test
    void aRolledBackRunRegistersNoKeySoItsReplayIsNoDuplicate() {
        String dataset = PipelineFixtures.freshDatasetName("replay");
        registry.apply(dataset, dataset, "test-team");
        TestKafka.publish(dataset, List.of(order("r1", 5, "USD")));
        Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> staging.stagedCount(dataset) == 1
                && staging.pending(dataset).oldestIngestedAt().isBefore(Instant.now().minusSeconds(1)));

        QuarkusTransaction.begin();
        try {
            registry.activateFirstContract(dataset, HistoryFixtures.contract("keyed", ""), "alice");
            ActiveContract contract = registry.activeContracts().stream()
                    .filter(c -> c.datasetName().equals(dataset)).findFirst().orElseThrow();
            assertThat(validator.validateNextBatch(contract)).isFalse();
            assertThat(fixtures.keys(dataset, "order_id")).containsOnlyKeys("r1");
        } finally {
            // as a crash before the commit would
            QuarkusTransaction.rollback();
        }
        assertThat(fixtures.keys(dataset, "order_id")).isEmpty();
        assertThat(staging.pending(dataset).count()).isEqualTo(1);

        registry.activateFirstContract(dataset, HistoryFixtures.contract("keyed", ""), "alice");
        fixtures.awaitValidated(dataset, 1);
        assertThat(fixtures.keys(dataset, "order_id")).isEqualTo(Map.of("r1", 0L));
        assertThat(fixtures.quarantined(dataset)).isEmpty();
    }
}
