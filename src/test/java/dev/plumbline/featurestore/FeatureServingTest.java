package dev.plumbline.featurestore;

import static dev.plumbline.featurestore.FeatureViewApi.COUNT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.aMapWithSize;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import dev.plumbline.EmbeddedStackResource;
import dev.plumbline.PipelineFixtures;
import dev.plumbline.access.Sessions;
import dev.plumbline.access.TestAccounts;
import dev.plumbline.contract.DatasetRegistry;
import dev.plumbline.transform.FeatureViewStore;
import dev.plumbline.transform.FeatureViewVersion;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Online serving answers from the online table with the version that is active now, as of when it was computed. */
@QuarkusTest
@WithTestResource(EmbeddedStackResource.class)
class FeatureServingTest {

    // Recent, so that the online refresh (values older than a minute) leaves the stored row alone.
    static final Instant AS_OF = Instant.now().truncatedTo(ChronoUnit.SECONDS).plusMillis(500);

    @Inject
    DatasetRegistry datasets;
    @Inject
    FeatureViewStore store;
    @Inject
    FeatureRegistry registry;
    @Inject
    ServingTimer timer;
    @Inject
    DataSource dataSource;
    @Inject
    OnlineCache cache;
    @Inject
    MeterRegistry meters;
    @Inject
    OnlineStore online;

    String dataset;
    String view;

    @BeforeEach
    void viewWithStoredValues() throws SQLException {
        dataset = PipelineFixtures.freshDatasetName("fs");
        PipelineFixtures.registerOrders(datasets, dataset);
        view = "served_" + dataset.substring(3);
        FeatureViewApi.apply(TestAccounts.EDITOR, FeatureViewApi.spendView(view, dataset, "1.0.0", COUNT)).then()
                .statusCode(201);
        store("1.0.0", "USD", "{\"amount_sum\": 42.5, \"amount_count\": 3}");
    }

    @Test
    void servesStoredValuesWithTheirAsOfAndNothingForAnUnknownEntity() {
        as(TestAccounts.VIEWER).get(entities() + "/USD").then().statusCode(200).body("view", equalTo(view))
                .body("version", equalTo("1.0.0")).body("entity", equalTo("USD"))
                .body("features.amount_sum.value", equalTo(42.5f)).body("features.amount_count.value", equalTo(3))
                .body("features.amount_sum.asOf", equalTo(AS_OF.toString()));
        as(TestAccounts.VIEWER).get(entities() + "/USD?features=amount_count").then().statusCode(200)
                .body("features", aMapWithSize(1)).body("features.amount_count.value", equalTo(3));
        as(TestAccounts.VIEWER).get(entities() + "/GBP").then().statusCode(200).body("features", aMapWithSize(0));
        as(TestAccounts.VIEWER).contentType(ContentType.JSON)
                .body(Map.of("entities", List.of("GBP", "USD"), "features", List.of("amount_sum")))
                .post(entities()).then().statusCode(200).body("results.entity", equalTo(List.of("GBP", "USD")))
                .body("results[0].features", aMapWithSize(0))
                .body("results[1].features.amount_sum.value", equalTo(42.5f));
        as(TestAccounts.VIEWER).get(entities() + "/USD?features=nope").then().statusCode(400)
                .body("detail", containsString("has no feature \"nope\""));
        as(TestAccounts.VIEWER).get(entities() + "/USD?version=9.9.9").then().statusCode(404);
        as(TestAccounts.VIEWER).get("/api/features/no_such_view/entities/USD").then().statusCode(404);
        assertThat(timer.p99(view)).isNotNull();
    }

    @Test
    void aVersionActivatedHereIsServedAtOnce() throws SQLException {
        as(TestAccounts.VIEWER).get(entities() + "/USD").then().statusCode(200).body("version", equalTo("1.0.0"));
        long id = FeatureViewApi.apply(TestAccounts.EDITOR, FeatureViewApi.spendView(view, dataset, "2.0.0", ""))
                .then().statusCode(202).extract().jsonPath().getLong("id");
        as(TestAccounts.APPROVER).contentType(ContentType.JSON).body(Map.of("verdict", "approve"))
                .post("/api/change-requests/" + id + "/reviews").then().statusCode(201);
        as(TestAccounts.EDITOR).post("/api/change-requests/" + id + "/activate").then().statusCode(200);
        store("2.0.0", "USD", "{\"amount_sum\": 7}");

        as(TestAccounts.VIEWER).get(entities() + "/USD").then().statusCode(200).body("version", equalTo("2.0.0"))
                .body("features.amount_sum.value", equalTo(7)).body("features", aMapWithSize(1));
        as(TestAccounts.VIEWER).get(entities() + "/USD?version=1.0.0").then().statusCode(409);

        as(TestAccounts.EDITOR).delete("/api/feature-views/" + view).then().statusCode(204);
        as(TestAccounts.VIEWER).get(entities() + "/USD").then().statusCode(404);
    }

    @Test
    void aViewChangedByAnotherReplicaIsSeenOnceTheTtlHasPassed() throws SQLException {
        AtomicLong now = new AtomicLong();
        ServedVersions versions = new ServedVersions(registry, store, Duration.ofSeconds(1), now::get);
        assertThat(versions.get(view, null)).map(FeatureViewVersion::version).contains("1.0.0");

        execute("DELETE FROM feature_view WHERE name = ?", view);
        now.addAndGet(Duration.ofMillis(700).toNanos());
        assertThat(versions.get(view, null)).as("within the TTL").isPresent();
        now.addAndGet(Duration.ofMillis(400).toNanos());
        assertThat(versions.get(view, null)).isEmpty();
    }

    @Test
    void aChangeByAnotherReplicaIsServedOnceNotifiedAndTheCacheRecoversFromALostListener() throws SQLException {
        servedSum("USD", 42.5f);
        double misses = misses();
        servedSum("USD", 42.5f);
        assertThat(misses()).as("the second answer came from memory").isEqualTo(misses);

        update("{\"amount_sum\": 1, \"amount_count\": 1}");
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> servedSum("USD", 1));

        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(
                "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = ?")) {
            s.setString(1, "plumbline online cache");
            assertThat(s.executeQuery().next()).as("the listening connection was there").isTrue();
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> !cache.live());
        update("{\"amount_sum\": 2, \"amount_count\": 2}");
        servedSum("USD", 2);
        await().atMost(Duration.ofSeconds(10)).until(cache::live);
        servedSum("USD", 2);
        update("{\"amount_sum\": 3, \"amount_count\": 3}");
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> servedSum("USD", 3));
        misses = misses();
        servedSum("USD", 3);
        assertThat(misses()).as("held again once listening").isEqualTo(misses);
    }

    @Test
    void aWriteOfThisReplicaForgetsItsEntitiesAsItsTransactionEnds() {
        servedSum("USD", 42.5f);
        FeatureViewVersion version = store.version(view, "1.0.0").orElseThrow();
        assertThat(online.heldText(version, List.of("USD"))).as("held after serving").isNotNull();

        // rolled back, so PostgreSQL sends no notification: only the write's own end of transaction can forget
        QuarkusTransaction.begin();
        try {
            online.refresh(version, List.of("USD"), AS_OF);
            assertThat(online.heldText(version, List.of("USD"))).as("until the transaction ends").isNotNull();
        } finally {
            QuarkusTransaction.rollback();
        }
        assertThat(online.heldText(version, List.of("USD"))).isNull();
    }

    private void servedSum(String entity, float sum) {
        as(TestAccounts.VIEWER).get(entities() + "/" + entity).then().statusCode(200)
                .body("features.amount_sum.value", sum == (int) sum ? equalTo((int) sum) : equalTo(sum));
    }

    private double misses() {
        return meters.counter("plumbline.feature.online.cache", "result", "miss").count();
    }

    private void update(String values) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement("""
                UPDATE feature_online SET feature_values = ?::jsonb
                WHERE view_version_id = ? AND entity_key = 'USD'""")) {
            s.setString(1, values);
            s.setLong(2, store.version(view, "1.0.0").orElseThrow().id());
            s.executeUpdate();
        }
    }

    private void store(String version, String entity, String values) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement("""
                INSERT INTO feature_online (view_version_id, entity_key, feature_values, as_of)
                VALUES (?, ?, ?::jsonb, ?)""")) {
            s.setLong(1, store.version(view, version).orElseThrow().id());
            s.setString(2, entity);
            s.setString(3, values);
            s.setTimestamp(4, Timestamp.from(AS_OF));
            s.executeUpdate();
        }
    }

    private void execute(String sql, String parameter) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, parameter);
            s.executeUpdate();
        }
    }

    private String entities() {
        return "/api/features/" + view + "/entities";
    }

    private static RequestSpecification as(String user) {
        return Sessions.as(user).accept("application/json");
    }
}
