package dev.plumbline.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import dev.plumbline.EmbeddedStackResource;
import dev.plumbline.PipelineFixtures;
import dev.plumbline.access.Sessions;
import dev.plumbline.access.TestAccounts;
import dev.plumbline.ingest.StagingRepository;
import dev.plumbline.monitor.rules.Thresholds;
import dev.plumbline.quarantine.QuarantineEntry;
import dev.plumbline.quarantine.QuarantineFilter;
import dev.plumbline.quarantine.QuarantineQueue;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Records dropped over HTTP as a file are staged once, typed by the contract, and validated like streamed ones. */
@QuarkusTest
@WithTestResource(EmbeddedStackResource.class)
class BatchDropTest {

    @Inject
    DatasetRegistry datasets;
    @Inject
    StagingRepository staging;
    @Inject
    QuarantineQueue quarantine;
    @Inject
    Thresholds thresholds;

    String dataset;

    @BeforeEach
    void orders() {
        dataset = PipelineFixtures.freshDatasetName("drop");
        PipelineFixtures.registerOrders(datasets, dataset);
    }

    @Test
    void aCsvFileIsTypedByTheContractStagedOnceAndValidatedLikeStreamedRecords() {
        Instant at = Instant.now().minusSeconds(60);
        String csv = "order_id,amount,currency,event_time,note\n"
                + "d1,12.50,USD," + at + ",\"first, with a comma\"\n"
                + "d2,007,EUR," + at + ",\n"
                + "d3,twelve,USD," + at + ",amount is not a number\n"
                + "d4,40,GBP," + at + ",unknown currency\n";

        drop("text/csv", csv).then().statusCode(201).body("records", equalTo(4)).body("staged", equalTo(4))
                .body("repeated", equalTo(false)).body("topic", equalTo(dataset));
        drop("text/csv", csv).then().statusCode(200).body("staged", equalTo(0)).body("repeated", equalTo(true));
        assertThat(staging.stagedCount(dataset)).isEqualTo(4);

        List<QuarantineEntry> held = await().atMost(Duration.ofSeconds(30)).until(
                () -> quarantine.newest(QuarantineFilter.open(dataset), Long.MAX_VALUE, 50), q -> q.size() == 2);
        assertThat(held).extracting(e -> e.payload().contains("d3") ? e.rules() : List.of("d4", e.rules().get(0)))
                .containsExactlyInAnyOrder(List.of("expect_column_values_to_be_of_type",
                        "expect_column_values_to_be_between"),
                        List.of("d4", "expect_column_values_to_be_in_set"));
        assertThat(held).filteredOn(e -> e.payload().contains("d3")).singleElement()
                .satisfies(e -> assertThat(e.payload()).contains("\"amount\": \"twelve\""));
    }

    @Test
    void anNdjsonLineThatIsNotJsonIsQuarantinedWithItsReasonAndAKeyMakesADropIdempotent() {
        String ndjson = PipelineFixtures.order("n1", 5, "USD") + "\n{\"order_id\": \"n2\", \"amount\": \n\n"
                + PipelineFixtures.order("n3", 6, "EUR") + "\n";
        Sessions.as(TestAccounts.EDITOR).contentType("application/x-ndjson").header("Idempotency-Key", "nightly-1")
                .body(ndjson.getBytes(StandardCharsets.UTF_8)).post("/api/datasets/" + dataset + "/drops").then().statusCode(201)
                .body("staged", equalTo(3));
        Sessions.as(TestAccounts.EDITOR).contentType("application/x-ndjson").header("Idempotency-Key", "nightly-1")
                .body((ndjson + PipelineFixtures.order("n4", 7, "USD")).getBytes(StandardCharsets.UTF_8)).post("/api/datasets/" + dataset + "/drops")
                .then().statusCode(200).body("repeated", equalTo(true));

        QuarantineEntry malformed = await().atMost(Duration.ofSeconds(30)).until(
                () -> quarantine.newest(QuarantineFilter.open(dataset), Long.MAX_VALUE, 50), q -> q.size() == 1)
                .get(0);
        assertThat(malformed.rules()).containsExactly("malformed_payload");
        assertThat(staging.stagedCount(dataset)).isEqualTo(3);
    }

    @Test
    void theSameFileSentSeveralTimesAtOnceIsStagedOnceAndEveryOtherAnswerSaysRepeated() throws Exception {
        String ndjson = PipelineFixtures.order("c1", 5, "USD") + "\n" + PipelineFixtures.order("c2", 6, "EUR") + "\n";
        ExecutorService senders = Executors.newFixedThreadPool(4);
        try {
            List<Future<Integer>> answers = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                answers.add(senders.submit(() -> drop("application/x-ndjson", ndjson).statusCode()));
            }
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> answer : answers) {
                statuses.add(answer.get());
            }
            assertThat(statuses).containsExactlyInAnyOrder(201, 200, 200, 200);
        } finally {
            senders.shutdown();
        }
        assertThat(staging.stagedCount(dataset)).isEqualTo(2);
    }

    @Test
    void aFileThatIsNotCsvIsRefusedWholeWithItsLinesAndOnlyTheTeamsEditorsMayDrop() {
        drop("text/csv", "order_id,amount\nx1,1\nx2,2,3\nx3\n").then().statusCode(400)
                .body("error", equalTo("line 3: 3 fields, the header has 2; line 4: 1 fields, the header has 2"));
        drop("text/csv", "order_id,amount\n\"x1,1\n").then().statusCode(400)
                .body("error", containsString("line 2: a quoted field is never closed"));
        assertThat(staging.stagedCount(dataset)).isZero();

        Sessions.as(TestAccounts.OUTSIDER).accept("application/json").contentType("text/csv")
                .body("order_id\nx\n".getBytes(StandardCharsets.UTF_8)).post("/api/datasets/" + dataset + "/drops").then().statusCode(403);
        drop("text/csv", "order_id\nx\n").then().statusCode(201);
        Sessions.as(TestAccounts.EDITOR).contentType("text/csv").body("order_id\nx\n".getBytes(StandardCharsets.UTF_8))
                .post("/api/datasets/nowhere-" + dataset + "/drops").then().statusCode(404);
    }

    @Test
    void aDatasetFedByDropsGetsTheOneHourIngestionLagThresholdAStreamedOneFiveMinutes() {
        String streamed = PipelineFixtures.freshDatasetName("stream");
        PipelineFixtures.registerOrders(datasets, streamed);
        drop("application/x-ndjson", PipelineFixtures.order("b1", 5, "USD")).then().statusCode(201);

        assertThat(thresholds.of(dataset, "test-team").ingestionLag()).isEqualTo(Duration.ofHours(1));
        assertThat(thresholds.of(streamed, "test-team").ingestionLag()).isEqualTo(Duration.ofMinutes(5));
    }

    private io.restassured.response.Response drop(String type, String body) {
        return Sessions.as(TestAccounts.EDITOR).contentType(type).body(body.getBytes(StandardCharsets.UTF_8)).post("/api/datasets/" + dataset
                + "/drops");
    }
}
