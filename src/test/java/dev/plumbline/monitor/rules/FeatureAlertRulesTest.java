package dev.plumbline.monitor.rules;

import static dev.plumbline.monitor.rules.AlertFixtures.later;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;

import dev.plumbline.EmbeddedStackResource;
import dev.plumbline.PipelineFixtures;
import dev.plumbline.access.Caller;
import dev.plumbline.access.Sessions;
import dev.plumbline.access.TestAccounts;
import dev.plumbline.contract.DatasetRegistry;
import dev.plumbline.featurestore.FeatureRegistry;
import dev.plumbline.featurestore.ServingTimer;
import dev.plumbline.transform.FeatureViewVersion;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Feature views against their own SLAs: values older than the freshness SLA, serving slower than the p99 SLA,
 * as alerts and on the dashboard.
 */
@QuarkusTest
@WithTestResource(EmbeddedStackResource.class)
class FeatureAlertRulesTest {

    static final Caller ADMIN = new Caller("test-admin", Set.of("admin"));

    @Inject
    AlertEvaluator evaluator;
    @Inject
    AlertStore store;
    @Inject
    DatasetRegistry datasets;
    @Inject
    FeatureRegistry features;
    @Inject
    ServingTimer timer;
    @Inject
    DataSource dataSource;

    String dataset;
    FeatureViewVersion view;

    @BeforeEach
    void aViewWithTightSlas() {
        dataset = PipelineFixtures.freshDatasetName("fa");
        PipelineFixtures.registerOrders(datasets, dataset);
        view = features.apply("""
                name: alerting_%s
                entity: currency
                source: %s
                owner: test-team
                version: 1.0.0
                features:
                  - {name: orders_1h, aggregation: count, field: order_id, window: 1h}
                sla: {freshness: 1m, servingP99: 20ms}
                """.formatted(dataset.substring(3), dataset), ADMIN, "127.0.0.1").version();
    }

    @Test
    void valuesOlderThanTheFreshnessSlaAlertWithTheViewAndItsSourceDataset() throws SQLException {
        Instant t0 = later(Duration.ofSeconds(1));
        newestKnownAt(t0.minus(Duration.ofMinutes(10)));
        evaluator.evaluate(t0);
        assertThat(alertsOfView()).singleElement().satisfies(a -> {
            assertThat(a.rule()).isEqualTo(FeatureFreshnessRule.RULE);
            assertThat(a.labels()).containsEntry("dataset", dataset).containsEntry("team", "test-team");
            assertThat(a.summary()).contains(view.viewName() + " 1.0.0: newest values").contains("freshness SLA");
        });

        Sessions.as(TestAccounts.VIEWER).get("/").then().statusCode(200).body(containsString(
                "<a href=\"/features/" + view.viewName() + "\">"), containsString("<dd>stale</dd>"));

        newestKnownAt(t0.plusSeconds(5));
        evaluator.evaluate(t0.plusSeconds(10));
        assertThat(alertsOfView()).as("fresh again: a pending alert is dropped").isEmpty();
    }

    @Test
    void servingSlowerThanTheViewsP99SlaAlerts() {
        for (int i = 0; i < 200; i++) {
            timer.record(view.viewName(), Duration.ofMillis(80).toNanos());
        }
        evaluator.evaluate(later(Duration.ofSeconds(1)));
        assertThat(alertsOfView()).filteredOn(a -> a.rule().equals(ServingLatencyRule.RULE)).singleElement()
                .satisfies(a -> assertThat(a.summary()).contains("above its SLA of 20 ms"));
    }

    private void newestKnownAt(Instant at) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement("""
                INSERT INTO feature_freshness (view_version_id, newest_known_at, materialized_at) VALUES (?, ?, now())
                ON CONFLICT (view_version_id) DO UPDATE SET newest_known_at = EXCLUDED.newest_known_at""")) {
            s.setLong(1, view.id());
            s.setTimestamp(2, Timestamp.from(at));
            s.executeUpdate();
        }
    }

    private List<Alert> alertsOfView() {
        return store.newest(1000).stream().filter(a -> view.viewName().equals(a.label("feature"))).toList();
    }
}
