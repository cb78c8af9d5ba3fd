package dev.plumbline;

import static dev.plumbline.PipelineFixtures.order;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;

import dev.plumbline.access.Sessions;
import dev.plumbline.access.TestAccounts;
import dev.plumbline.contract.DatasetRegistry;
import dev.plumbline.ingest.IngestListener;
import dev.plumbline.ingest.StagingRepository;
import dev.plumbline.monitor.ConsumerLagMonitor;
import dev.plumbline.monitor.history.HistoryRecorder;
import dev.plumbline.monitor.history.MetricHistory;
import dev.plumbline.quarantine.QuarantineEntry;
import dev.plumbline.quarantine.QuarantineFilter;
import dev.plumbline.quarantine.QuarantineQueue;
import dev.plumbline.validate.RuleOutcome;
import dev.plumbline.validate.ValidationRun;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** Events published to a real Kafka topic go through ingest, validation and quarantine into the pages. */
@QuarkusTest
@WithTestResource(EmbeddedStackResource.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PipelineFlowTest {

    static final List<String> MIX = List.of(
            order("o1", 10, "USD"), order("o2", 20.5, "EUR"), order("o3", 0, "USD"),
            order("o4", 99.99, "USD"), order("o5", 100, "EUR"), order("o6", 42, null),
            order("o7", 500, "USD"),
            order("o8", 12, "XXX").replace("}", ",\"note\":\"<script>alert(1)</script>\"}"),
            order(null, 5, "USD"),
            order("dup", 1, "USD"), order("dup", 2, "USD"),
            "{\"order_id\": \"o12\", \"amount\": ");

    @Inject
    DatasetRegistry registry;
    @Inject
    StagingRepository staging;
    @Inject
    QuarantineQueue quarantine;
    @Inject
    IngestListener listener;
    @Inject
    DataSource dataSource;
    @Inject
    HistoryRecorder recorder;
    @Inject
    ConsumerLagMonitor consumerLag;
    @Inject
    MetricHistory history;

    String dataset;
    long datasetId;

    @BeforeAll
    void publishAKnownMixThenRegisterItsContract() {
        dataset = PipelineFixtures.freshDatasetName("orders");
        TestKafka.publish(dataset, MIX);
        // Staging does not wait for a contract; registering it afterwards makes the twelve one micro-batch.
        await().atMost(Duration.ofSeconds(60)).until(() -> staging.stagedCount(dataset) == MIX.size());
        PipelineFixtures.registerOrders(registry, dataset);
        datasetId = registry.get(dataset).orElseThrow().id;
        await().atMost(Duration.ofSeconds(30)).until(() -> runs().size() == 1);
    }

    @Test
    void knownMixGivesExactStagedQuarantinedAndPassRateFigures() {
        ValidationRun run = runs().get(0);
        assertThat(run.recordCount).isEqualTo(12);
        assertThat(run.passedCount).isEqualTo(6);
        assertThat(run.quarantinedCount).isEqualTo(6);
        assertThat(run.passRate).isEqualTo(0.5);
        assertThat(run.success).isFalse();
        assertThat(run.lagP50Ms).isNotNull().isGreaterThanOrEqualTo(3000L);
        assertThat(quarantine.depth(datasetId)).isEqualTo(6);
        assertThat(staging.pending(dataset).count()).isZero();
    }

    @Test
    void everyRuleRecordsWhatItObserved() {
        Map<String, Integer> unexpected = QuarkusTransaction.requiringNew().call(() -> RuleOutcome
                .<RuleOutcome>list("validationRunId", runs().get(0).id).stream()
                .collect(Collectors.toMap(o -> o.rule + "/" + o.column, o -> o.unexpected)));
        assertThat(unexpected).containsEntry("malformed_payload/null", 1)
                .containsEntry("expect_column_values_to_not_be_null/order_id", 1)
                .containsEntry("expect_column_values_to_be_unique/order_id", 2)
                .containsEntry("expect_column_values_to_be_between/amount", 1)
                .containsEntry("expect_column_values_to_be_in_set/currency", 1)
                .containsEntry("expect_column_values_to_not_be_null/amount", 0);
    }

    @Test
    void malformedJsonIsQuarantinedWithItsParseError() {
        QuarantineEntry malformed = quarantine.newest(QuarantineFilter.open(dataset), Long.MAX_VALUE, 50).stream()
                .filter(e -> e.reasons().get(0).rule().equals("malformed_payload")).findFirst().orElseThrow();
        assertThat(malformed.reasons()).hasSize(1);
        assertThat(malformed.reasons().get(0).reason()).startsWith("malformed JSON");
        assertThat(malformed.payload()).isEqualTo("{\"order_id\": \"o12\", \"amount\": ");
    }

    @Test
    void theSameOffsetsDeliveredAgainStageNothingNew() throws InterruptedException {
        var again = TestKafka.readAll(dataset, MIX.size());
        assertThat(again.count()).isEqualTo(MIX.size());
        listener.stage(again);
        assertThat(staging.stagedCount(dataset)).isEqualTo(MIX.size());
        assertThat(staging.pending(dataset).count()).isZero();
    }

    @Test
    void dashboardShowsTheDatasetAndRefreshesAsAFragment() {
        Sessions.as(TestAccounts.VIEWER).get("/").then().statusCode(200)
                .body(containsString(dataset), containsString("50.00%"), containsString("<html"));
        Sessions.as(TestAccounts.VIEWER).header("HX-Request", "true").get("/").then().statusCode(200)
                .body(containsString("id=\"datasets\""), containsString(dataset), not(containsString("<html")));
    }

    @Test
    void theRunIsKeptInTheMetricHistoryAndShownAsATrend() {
        recorder.flush();
        Instant now = Instant.now();
        assertThat(history.read(HistoryRecorder.PASS_RATE, Map.of("dataset", dataset), now.minusSeconds(3600),
                now.plusSeconds(60), now)).singleElement().satisfies(series -> {
                    assertThat(series.labels()).containsEntry("version", "1.0.0");
                    assertThat(series.latest().getAsDouble()).isEqualTo(0.5);
                });
        Sessions.as(TestAccounts.VIEWER).queryParam("range", "6h").get("/datasets/" + dataset).then().statusCode(200)
                .body(containsString("Validation pass rate, one point per minute: version 1.0.0 latest 50.00%"),
                        containsString("class=\"chart-data\""), containsString("uPlot.iife.min.js"));
        Sessions.as(TestAccounts.VIEWER).queryParam("range", "forever").get("/datasets/" + dataset).then()
                .statusCode(400);
        Sessions.as(TestAccounts.VIEWER).get("/datasets/no-such-dataset").then().statusCode(404);
    }

    @Test
    void consumerLagPerPartitionIsReadFromTheBrokerExportedAndKept() {
        TopicPartition partition = new TopicPartition(dataset, 0);
        await().atMost(Duration.ofSeconds(30)).until(() -> consumerLag.current().get(partition), lag -> lag == 0L);
        consumerLag.sample();
        given().get("/q/metrics").then().statusCode(200).body(containsString(
                "plumbline_kafka_consumer_lag_records{partition=\"0\",topic=\"" + dataset + "\"} 0.0"));
        Instant now = Instant.now();
        assertThat(history.read(ConsumerLagMonitor.CONSUMER_LAG, Map.of("topic", dataset), now.minusSeconds(600),
                now.plusSeconds(60), now)).singleElement()
                .satisfies(series -> assertThat(series.labels()).containsEntry("partition", "0"));
    }

    @Test
    void quarantinePageShowsReasonsAndEscapesPayloads() {
        Sessions.as(TestAccounts.VIEWER).queryParam("dataset", dataset).get("/quarantine").then().statusCode(200)
                .body(containsString("expect_column_values_to_be_in_set"), containsString("XXX"),
                        containsString("malformed JSON"),
                        containsString("&lt;script&gt;alert(1)&lt;/script&gt;"),
                        not(containsString("<script>alert(1)")));
    }

    @Test
    void metricsExportPerDatasetFigures() {
        String tag = "dataset=\"" + dataset + "\"";
        given().get("/q/metrics").then().statusCode(200)
                .body(containsString("plumbline_records_staged_total{" + tag + "} 12.0"),
                        containsString("plumbline_records_quarantined_total{" + tag + "} 6.0"),
                        containsString("plumbline_validation_pass_rate{" + tag + "} 0.5"),
                        containsString("plumbline_ingestion_lag_seconds{" + tag + "}"));
    }

    @Test
    void anActiveContractVersionCannotBeRewritten() throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            assertThatThrownBy(() -> s.executeUpdate("UPDATE contract_version SET odcs_yaml = 'x' WHERE dataset_id = "
                    + datasetId)).isInstanceOf(SQLException.class).hasMessageContaining("is immutable");
        }
    }

    private List<ValidationRun> runs() {
        return QuarkusTransaction.requiringNew().call(() -> ValidationRun.list("datasetId", datasetId));
    }
}
