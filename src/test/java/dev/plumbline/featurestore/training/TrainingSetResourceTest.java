package dev.plumbline.featurestore.training;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;

import dev.plumbline.EmbeddedStackResource;
import dev.plumbline.PipelineFixtures;
import dev.plumbline.TestKafka;
import dev.plumbline.access.Sessions;
import dev.plumbline.access.TestAccounts;
import dev.plumbline.contract.DatasetRegistry;
import dev.plumbline.featurestore.FeatureFixtures;
import dev.plumbline.featurestore.FeatureRegistry;
import dev.plumbline.transform.FeatureValues;
import dev.plumbline.transform.FeatureViewVersion;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Training sets over HTTP, against features materialized from events sent through the real pipeline. */
@QuarkusTest
@WithTestResource(EmbeddedStackResource.class)
class TrainingSetResourceTest {

    @Inject
    DatasetRegistry datasets;
    @Inject
    FeatureRegistry registry;
    @Inject
    FeatureValues values;
    @Inject
    DataSource dataSource;

    String dataset;
    FeatureViewVersion view;

    @BeforeEach
    void ordersWithAView() {
        dataset = PipelineFixtures.freshDatasetName("ts");
        view = FeatureFixtures.ordersView(datasets, registry, dataset,
                "spend_" + dataset.substring(3), "currency",
                "{name: orders_7d, aggregation: count, field: order_id, window: 7d}",
                "{name: amount_7d, aggregation: sum, field: amount, window: 7d}");
    }

    static String at(String id, int amount, Instant eventTime) {
        return PipelineFixtures.order(id, amount, "USD")
                .replaceAll("\"event_time\":\"[^\"]+\"", "\"event_time\":\"" + eventTime + "\"");
    }

    @Test
    void aTrainingSetHoldsOnlyWhatWasKnownStrictlyBeforeEachLabelAndIsStoredWithItsPinnedVersion()
            throws Exception {
        Instant now = Instant.now();
        TestKafka.publish(dataset, List.of(at("a", 10, now.minusSeconds(7200)), at("b", 20, now.minusSeconds(3600))));
        await().atMost(Duration.ofSeconds(60))
                .until(() -> (Long) values.valuesAt(view, "USD", Instant.now()).values().get("orders_7d") == 2L);
        Instant known = newestKnownAt();
        String csv = "currency,label_time,is_fraud\n"
                + "USD," + known + ",0\n"
                + "USD," + known.plusNanos(1000) + ",1\n"
                + "EUR," + known.plusNanos(1000) + ",\n";

        Response created = Sessions.as(TestAccounts.VIEWER).contentType("text/csv").body(csv)
                .post("/api/training-sets?view=" + view.viewName() + "&label_columns=is_fraud&name=labels.csv");

        created.then().statusCode(201).header("Location", org.hamcrest.Matchers.containsString("/api/training-sets/"))
                .body("trainingSet.rowCount", equalTo(3)).body("trainingSet.requestedBy", equalTo(TestAccounts.VIEWER))
                .body("trainingSet.views[0].name", equalTo(view.viewName()))
                .body("trainingSet.views[0].version", equalTo("1.0.0"))
                .body("trainingSet.views[0].features", contains("orders_7d", "amount_7d"))
                .body("trainingSet.leakedValues", equalTo(0)).body("trainingSet.uploadName", equalTo("labels.csv"));
        String rows = Sessions.as(TestAccounts.VIEWER).get(created.path("links.csv").toString()).then()
                .statusCode(200).contentType(startsWith("text/csv")).extract().asString();
        List<String> lines = rows.lines().toList();
        assertThat(lines.get(0)).isEqualTo("currency,label_time,is_fraud,orders_7d,amount_7d,"
                + view.viewName() + "__newest_event_time," + view.viewName() + "__newest_known_at");
        long knownBefore = countKnownBefore(known);
        assertThat(lines.get(1)).startsWith("USD,").contains(",0.0," + knownBefore + ",");
        assertThat(lines.get(2)).contains(",1.0,2,30.0,");
        assertThat(lines.get(3)).matches("EUR,[^,]+,,0,,,");

        byte[] parquet = Sessions.as(TestAccounts.VIEWER).get(created.path("links.parquet").toString()).then()
                .statusCode(200).extract().asByteArray();
        assertThat(new String(parquet, 0, 4, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("PAR1");
        assertThat(sumOfAmounts(parquet)).isEqualTo(30.0 + (knownBefore == 0 ? 0 : knownBefore == 1 ? 10 : 30));
    }

    @Test
    void jsonRowsAndAnApiTokenWork() {
        String token = Sessions.as(TestAccounts.VIEWER).contentType("application/json")
                .body("{\"name\":\"training notebook\"}").post("/api/tokens").path("token");
        given().auth().oauth2(token).contentType("application/json")
                .body("[{\"currency\": \"USD\", \"when\": \"2026-01-01T00:00:00Z\"}]")
                .post("/api/training-sets?view=" + view.viewName() + "&time_column=when").then().statusCode(201)
                .body("trainingSet.uploadFormat", equalTo("json")).body("trainingSet.timeColumn", equalTo("when"))
                .body("trainingSet.rowCount", equalTo(1));
    }

    @Test
    void badUploadsAreRefusedWithTheirLinesAndStoreNothing() throws Exception {
        long before = storedSets();
        String path = "/api/training-sets?view=" + view.viewName();

        Sessions.as(TestAccounts.VIEWER).contentType("text/csv").body("currency,label_time,score\nUSD,2026-01-01,1\n")
                .post(path).then().statusCode(400).contentType("application/problem+json")
                .body("problems", hasItem(startsWith("line 1: unknown column \"score\"")));
        Sessions.as(TestAccounts.VIEWER).contentType("text/csv").body("customer,label_time\nUSD,2026-01-01\n")
                .post(path).then().statusCode(400).body("problems", hasItem(
                        "line 1: the header has no column \"currency\", the entity key of a feature view joined"));
        Sessions.as(TestAccounts.VIEWER).contentType("text/csv")
                .body("currency,label_time\nUSD,2026-01-01\nUSD,2026-13-01\n").post(path).then().statusCode(400)
                .body("problems", contains(startsWith("line 3: label_time \"2026-13-01\" is not a timestamp")));
        Sessions.as(TestAccounts.VIEWER).contentType("text/csv").body("").post(path).then().statusCode(400)
                .body("detail", startsWith("the file is empty"));
        Sessions.as(TestAccounts.VIEWER).contentType("text/csv").body("currency,label_time\nUSD,2026-01-01\n")
                .post("/api/training-sets?view=no_such_view").then().statusCode(404);
        Sessions.as(TestAccounts.VIEWER).contentType("text/csv").body("currency,label_time\nUSD,2026-01-01\n")
                .post("/api/training-sets").then().statusCode(400).body("detail", startsWith("name at least one"));

        assertThat(storedSets()).isEqualTo(before);
    }

    @Test
    void anUploadWithoutTheCsrfTokenFromABrowserSessionIsRefused() {
        Sessions.session(TestAccounts.VIEWER).withoutToken().contentType("text/csv")
                .body("currency,label_time\nUSD,2026-01-01\n").post("/api/training-sets?view=" + view.viewName())
                .then().statusCode(403);
    }

    private Instant newestKnownAt() throws Exception {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT max(known_at) FROM feature_event WHERE view_version_id = "
                        + view.id())) {
            rs.next();
            return rs.getTimestamp(1).toInstant();
        }
    }

    private long countKnownBefore(Instant t) throws Exception {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT count(*) FROM feature_event WHERE view_version_id = "
                        + view.id() + " AND known_at < '" + t + "' AND event_time < '" + t + "'")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private long storedSets() throws Exception {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT count(*) FROM training_set")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static double sumOfAmounts(byte[] parquet) throws Exception {
        Path file = Files.createTempFile("training-set", ".parquet");
        try (Connection duck = TrainingSetFile.open(); Statement s = duck.createStatement()) {
            Files.write(file, parquet);
            List<Double> sums = new ArrayList<>();
            try (ResultSet rs = s.executeQuery("SELECT coalesce(sum(amount_7d), 0) FROM read_parquet('" + file + "')")) {
                rs.next();
                sums.add(rs.getDouble(1));
            }
            return sums.get(0);
        } finally {
            Files.delete(file);
        }
    }
}
