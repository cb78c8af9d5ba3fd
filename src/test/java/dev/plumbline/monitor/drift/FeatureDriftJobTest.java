package dev.plumbline.monitor.drift;

import static dev.plumbline.access.Sessions.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import dev.plumbline.EmbeddedStackResource;
import dev.plumbline.PipelineFixtures;
import dev.plumbline.TestKafka;
import dev.plumbline.access.TestAccounts;
import dev.plumbline.contract.DatasetRegistry;
import dev.plumbline.featurestore.FeatureDriftReading;
import dev.plumbline.featurestore.FeatureDriftReadings;
import dev.plumbline.featurestore.FeatureFixtures;
import dev.plumbline.featurestore.FeatureRegistry;
import dev.plumbline.monitor.history.MetricHistory;
import dev.plumbline.monitor.rules.Alert;
import dev.plumbline.monitor.rules.AlertEvaluator;
import dev.plumbline.monitor.rules.AlertFixtures;
import dev.plumbline.monitor.rules.AlertStore;
import dev.plumbline.monitor.rules.FeatureDriftRule;
import dev.plumbline.transform.FeatureViewVersion;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.jboss.logging.Logger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * End to end through the real pipeline: orders published to Kafka are validated and materialized, a baseline is
 * frozen from a reference window of the view's values, fresh orders of the same distribution stay quiet, and
 * orders whose amounts switch from dollars to euros (×0.9) drift past 0.2 and fire one {@code FeatureDrift} alert.
 */
@QuarkusTest
@WithTestResource(EmbeddedStackResource.class)
class FeatureDriftJobTest {

    static final Logger LOG = Logger.getLogger(FeatureDriftJobTest.class);
    static final String FEATURE = "order_amount_1d";
    static final int ORDERS = 400;

    @Inject
    DatasetRegistry datasets;
    @Inject
    FeatureRegistry registry;
    @Inject
    FeatureDriftJob job;
    @Inject
    FeatureDriftReadings readings;
    @Inject
    AlertEvaluator evaluator;
    @Inject
    AlertStore alerts;
    @Inject
    MetricHistory history;
    @Inject
    DataSource dataSource;

    String dataset;
    FeatureViewVersion view;
    int published;

    @BeforeEach
    void ordersWithAView() {
        dataset = PipelineFixtures.freshDatasetName("fd");
        view = FeatureFixtures.ordersView(datasets, registry, dataset,
                "drift_" + dataset.substring(3), "order_id",
                "{name: order_amount_1d, aggregation: avg, field: amount, window: 1d}",
                "{name: orders_1d, aggregation: count, field: order_id, window: 1d}");
    }

    @Test
    void amountsSwitchedToEurosDriftPastTheThresholdAndFireOneAlertWhileTheSameDistributionStaysQuiet()
            throws SQLException {
        Instant referenceFrom = Instant.now().minusSeconds(1);
        publish(new Random(1), 1.0);
        Instant referenceTo = Instant.now();
        as(TestAccounts.VIEWER).put(baselines() + "/" + FEATURE + "?from=" + referenceFrom + "&to=" + referenceTo)
                .then().statusCode(403);
        as(TestAccounts.EDITOR).put(baselines() + "/" + FEATURE + "?from=" + referenceFrom + "&to=" + referenceTo)
                .then().statusCode(201).body("values", equalTo(ORDERS)).body("source.source", equalTo("window"));
        as(TestAccounts.EDITOR).put(baselines() + "/" + FEATURE + "?from=" + referenceFrom + "&to=" + referenceTo)
                .then().statusCode(409).body("error", containsString("frozen"));
        as(TestAccounts.VIEWER).get("/features/" + view.viewName()).then().statusCode(200)
                .body(containsString("not measured yet"));

        FeatureDriftReading same = measureNewOrders(new Random(2), 1.0);
        FeatureDriftReading euros = measureNewOrders(new Random(3), 0.9);
        LOG.infof("PSI of %s: %.4f on fresh dollars, %.4f on euros (%d values each)", FEATURE, same.psi(),
                euros.psi(), euros.sample());
        assertThat(same.sample()).isEqualTo(ORDERS);
        assertThat(same.psi()).isLessThan(0.1);
        assertThat(euros.psi()).isGreaterThan(0.2);

        Instant t = AlertFixtures.later(Duration.ofSeconds(1));
        evaluator.evaluate(t);
        evaluator.evaluate(t.plus(Duration.ofMinutes(1)).plusSeconds(1));
        assertThat(driftAlerts()).singleElement().satisfies(a -> {
            assertThat(a.firing()).isTrue();
            assertThat(a.labels()).containsEntry("feature", view.viewName()).containsEntry("column", FEATURE)
                    .containsEntry("dataset", dataset).containsEntry("team", "test-team");
            assertThat(a.summary()).contains(view.viewName() + "." + FEATURE + ": feature drift, PSI");
        });

        assertThat(history.read(FeatureDriftRecorder.FEATURE_PSI, Map.of("view", view.viewName()),
                referenceFrom.minusSeconds(60), Instant.now().plusSeconds(600), Instant.now()))
                .singleElement().satisfies(s -> assertThat(s.high().orElseThrow()).isGreaterThan(0.2));
        Matcher gauge = Pattern.compile("plumbline_feature_psi\\{feature=\"" + FEATURE + "\",view=\""
                + view.viewName() + "\"} ([0-9.]+)").matcher(RestAssured.get("/q/metrics").asString());
        assertThat(gauge.find()).isTrue();
        assertThat(Double.parseDouble(gauge.group(1))).isEqualTo(euros.psi());
        as(TestAccounts.VIEWER).get("/features/" + view.viewName()).then().statusCode(200)
                .body(containsString("drifting"), containsString(FEATURE + " PSI " + String.format(Locale.ROOT,
                        "%.3f", euros.psi())));
        as(TestAccounts.VIEWER).get("/").then().statusCode(200).body(containsString("id=\"fv-" + view.viewName()
                + "\""), containsString("<dd><a href=\"/features/" + view.viewName() + "#drift\">drifting</a></dd>"));
        as(TestAccounts.VIEWER).header("HX-Request", "true").get("/features/" + view.viewName() + "/drift").then()
                .statusCode(200).body(containsString("Drift (PSI) per feature of " + view.viewName()),
                        containsString("0.2 significant"), containsString("<th scope=\"col\">feature " + FEATURE));

        as(TestAccounts.ADMIN).delete("/api/feature-views/" + view.viewName()).then().statusCode(204);
    }

    @Test
    void aWindowWithTooFewValuesIsInsufficientDataAndANewVersionKeepsTheBaselinesOfItsUnchangedFeatures() {
        as(TestAccounts.EDITOR).contentType("text/csv").body(csv(new Random(4), 300))
                .put(baselines() + "/" + FEATURE).then().statusCode(201).body("source.source", equalTo("upload"));
        as(TestAccounts.EDITOR).put(baselines() + "/nope?from=2026-01-01T00:00:00Z&to=2026-01-02T00:00:00Z").then()
                .statusCode(404);

        Instant now = AlertFixtures.later(Duration.ofSeconds(1));
        assertThat(job.measure(now, Duration.ofMinutes(5), 100)).isTrue();
        assertThat(readings.latest(List.of(view.id())).get(view.id())).singleElement().satisfies(r -> {
            assertThat(r.status()).isEqualTo(FeatureDriftReading.INSUFFICIENT);
            assertThat(r.detail()).isEqualTo("0 of the 100 values PSI needs");
        });
        evaluator.evaluate(now);
        assertThat(driftAlerts()).isEmpty();
        as(TestAccounts.VIEWER).get("/features").then().body(containsString("insufficient data"));

        as(TestAccounts.EDITOR).contentType("text/plain; charset=UTF-8").body(view.yaml().replace("version: 1.0.0",
                "version: 1.1.0") + "  - {name: orders_7d, aggregation: count, field: order_id, window: 7d}\n")
                .put("/api/feature-views").then().statusCode(202);
        String proposed = "/api/feature-views/" + view.viewName() + "/versions/1.1.0/baselines";
        as(TestAccounts.VIEWER).get(proposed).then().statusCode(200).body("feature", contains(FEATURE))
                .body("[0].source.carriedFrom", equalTo("1.0.0")).body("[0].referenceValues", equalTo(300));
        as(TestAccounts.EDITOR).contentType("text/csv").body(csv(new Random(5), 200)).put(proposed + "/" + FEATURE)
                .then().statusCode(201).body("values", equalTo(200));
        as(TestAccounts.EDITOR).contentType("text/csv").body("orders_7d\nmany\n").put(proposed + "/orders_7d")
                .then().statusCode(400).body("error", containsString("line 2"));
    }

    private FeatureDriftReading measureNewOrders(Random random, double factor) {
        Instant from = Instant.now().minusMillis(1);
        publish(random, factor);
        Instant now = AlertFixtures.later(Duration.ofSeconds(1));
        assertThat(job.measure(now, Duration.between(from, now), 100)).isTrue();
        return readings.latest(List.of(view.id())).get(view.id()).get(0);
    }

    /** Publishes 400 new orders, amounts around $50 (times the factor), and waits until they are served online. */
    private void publish(Random random, double factor) {
        List<String> orders = new ArrayList<>();
        for (int i = 0; i < ORDERS; i++) {
            double amount = (50 + 3 * random.nextGaussian()) * factor;
            orders.add(PipelineFixtures.order("o-" + (published + i), String.format(Locale.ROOT, "%.2f", amount),
                    "USD"));
        }
        TestKafka.publish(dataset, orders);
        published += ORDERS;
        await().atMost(Duration.ofSeconds(90)).until(() -> online() == published);
    }

    private String csv(Random random, int rows) {
        StringBuilder csv = new StringBuilder(FEATURE + "\n");
        for (int i = 0; i < rows; i++) {
            csv.append(String.format(Locale.ROOT, "%.2f%n", 50 + 3 * random.nextGaussian()));
        }
        return csv.toString();
    }

    private String baselines() {
        return "/api/feature-views/" + view.viewName() + "/versions/1.0.0/baselines";
    }

    private long online() throws SQLException {
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement("SELECT count(*) FROM feature_online WHERE view_version_id = ?")) {
            s.setLong(1, view.id());
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private List<Alert> driftAlerts() {
        return alerts.newest(1000).stream().filter(a -> a.rule().equals(FeatureDriftRule.RULE)
                && view.viewName().equals(a.label("feature"))).toList();
    }
}
