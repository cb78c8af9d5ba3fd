package dev.plumbline.featurestore;

import static dev.plumbline.PipelineFixtures.order;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.anEmptyMap;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

import dev.plumbline.EmbeddedStackResource;
import dev.plumbline.PipelineFixtures;
import dev.plumbline.TestKafka;
import dev.plumbline.access.Sessions;
import dev.plumbline.access.TestAccounts;
import dev.plumbline.contract.DatasetRegistry;
import dev.plumbline.quarantine.QuarantineActions;
import dev.plumbline.quarantine.QuarantineFilter;
import dev.plumbline.quarantine.QuarantineQueue;
import dev.plumbline.quarantine.QuarantineStatus;
import dev.plumbline.transform.FeatureValues;
import dev.plumbline.transform.FeatureViewVersion;
import dev.plumbline.transform.Materializer;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Events published through the real pipeline reach features only once validated, and only from when known. */
@QuarkusTest
@WithTestResource(EmbeddedStackResource.class)
class FeaturePipelineTest {

    @Inject
    DatasetRegistry datasets;
    @Inject
    FeatureRegistry registry;
    @Inject
    Materializer materializer;
    @Inject
    FeatureValues values;
    @Inject
    QuarantineQueue queue;
    @Inject
    QuarantineActions actions;
    @Inject
    DataSource dataSource;

    String dataset;
    FeatureViewVersion view;

    @BeforeEach
    void ordersWithAView() {
        dataset = PipelineFixtures.freshDatasetName("fp");
        view = FeatureFixtures.ordersView(datasets, registry, dataset,
                "spend_" + dataset.substring(3), "currency",
                "{name: orders_7d, aggregation: count, field: order_id, window: 7d}",
                "{name: amount_7d, aggregation: sum, field: amount, window: 7d}");
    }

    static String at(String id, int amount, Instant eventTime) {
        return order(id, amount, "USD").replaceAll("\"event_time\":\"[^\"]+\"", "\"event_time\":\"" + eventTime + "\"");
    }

    @Test
    void aLateEventCountsFromWhenItArrivedNeverBefore() {
        Instant now = Instant.now();
        Instant march14 = now.minus(3, ChronoUnit.DAYS);
        TestKafka.publish(dataset, List.of(at("late", 40, march14)));
        await().atMost(Duration.ofSeconds(60)).until(() -> count(Instant.now()) == 1L);

        assertThat(count(now.minus(2, ChronoUnit.DAYS))).as("as of March 15").isZero();
        assertThat(count(now.minus(1, ChronoUnit.DAYS))).as("as of March 16").isZero();
        assertThat(count(march14.plusSeconds(1))).as("as of its own event time").isZero();
        assertThat(values.valuesAt(view, "USD", Instant.now()).values()).containsEntry("amount_7d", 40.0);

        Sessions.as(TestAccounts.VIEWER).get("/api/features/" + view.viewName() + "/entities/USD").then()
                .statusCode(200).body("version", equalTo("1.0.0")).body("features.orders_7d.value", equalTo(1))
                .body("features.amount_7d.asOf", notNullValue());
    }

    @Test
    void quarantinedEventsNeverCountAndReleasedOnesCountFromTheirRelease() throws Exception {
        Instant eventTime = Instant.now().minus(1, ChronoUnit.HOURS);
        TestKafka.publish(dataset, List.of(at("a", 10, eventTime), at("b", 20, eventTime), at("big", 500, eventTime)));
        await().atMost(Duration.ofSeconds(60)).until(() -> queue.count(QuarantineFilter.open(dataset)) == 1);
        await().atMost(Duration.ofSeconds(30)).until(() -> count(Instant.now()) == 2L);
        materializer.materializeAll();
        assertThat(count(Instant.now())).isEqualTo(2L);

        PipelineFixtures.activateLooserOrders(datasets, dataset);
        long id = queue.newest(QuarantineFilter.open(dataset), Long.MAX_VALUE, 10).get(0).id();
        assertThat(actions.release(List.of(id), new QuarantineActions.Actor(TestAccounts.EDITOR, "127.0.0.1"))
                .released()).isEqualTo(1);
        Instant releasedAt = queue.newest(new QuarantineFilter(dataset, null, null, null, QuarantineStatus.RELEASED), Long.MAX_VALUE, 10)
                .stream().filter(e -> e.id() == id).findFirst().orElseThrow().resolution().at();
        await().atMost(Duration.ofSeconds(30)).until(() -> count(Instant.now()) == 3L);

        assertThat(count(releasedAt.minusMillis(1))).as("just before its release").isEqualTo(2L);
        assertThat(count(releasedAt)).isEqualTo(3L);
        assertThat(values.valuesAt(view, "USD", Instant.now()).values()).containsEntry("amount_7d", 530.0);
    }

    @Test
    void materializingAgainOrReplayingLostMarksChangesNothing() throws Exception {
        Instant eventTime = Instant.now().minus(2, ChronoUnit.HOURS);
        TestKafka.publish(dataset, List.of(at("a", 1, eventTime), at("b", 2, eventTime.minusSeconds(7200))));
        await().atMost(Duration.ofSeconds(60)).until(() -> count(Instant.now()) == 2L);
        String before = snapshot();

        materializer.materializeAll();
        assertThat(snapshot()).isEqualTo(before);
        execute("DELETE FROM feature_materialized_run WHERE view_version_id = " + view.id());
        assertThat(materializer.materializeAll()).isPositive();
        assertThat(snapshot()).isEqualTo(before);
    }

    @Test
    void servingAnswersUnknownEntitiesEmptyAndUnknownViewsWith404() {
        TestKafka.publish(dataset, List.of(at("a", 5, Instant.now().minusSeconds(60))));
        await().atMost(Duration.ofSeconds(60)).until(() -> count(Instant.now()) == 1L);
        String path = "/api/features/" + view.viewName() + "/entities";
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> Sessions.as(TestAccounts.VIEWER)
                .get(path + "/USD").then().log().ifValidationFails().body("features.orders_7d.value", equalTo(1)));
        Sessions.as(TestAccounts.VIEWER).get(path + "/nobody").then().statusCode(200)
                .body("features", anEmptyMap());
        Sessions.as(TestAccounts.VIEWER).contentType("application/json")
                .body(Map.of("entities", List.of("USD", "nobody"), "features", List.of("amount_7d")))
                .post(path).then().statusCode(200).body("results[0].features.amount_7d.value", equalTo(5.0f))
                .body("results[0].features.orders_7d", org.hamcrest.Matchers.nullValue())
                .body("results[1].features", anEmptyMap());
        Sessions.as(TestAccounts.VIEWER).get("/api/features/no_such_view/entities/USD").then().statusCode(404)
                .contentType("application/problem+json").body("detail", containsString("no_such_view"));
        Sessions.as(TestAccounts.VIEWER).get(path + "/USD?version=9.9.9").then().statusCode(404);
        Sessions.as(TestAccounts.VIEWER).get(path + "/USD?features=nope").then().statusCode(400);
        Sessions.as(TestAccounts.VIEWER).get("/q/metrics").then()
                .body(containsString("plumbline_feature_serving_seconds_bucket{view=\"" + view.viewName() + "\""));
    }

    private Long count(Instant asOf) {
        return (Long) values.valuesAt(view, "USD", asOf).values().get("orders_7d");
    }

    private String snapshot() throws SQLException {
        StringBuilder all = new StringBuilder();
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT t::text FROM feature_tile t WHERE view_version_id = " + view.id()
                        + " ORDER BY event_bucket, known_bucket, field")) {
            while (rs.next()) {
                all.append(rs.getString(1)).append('\n');
            }
        }
        return all.toString();
    }

    private void execute(String sql) throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }
}
