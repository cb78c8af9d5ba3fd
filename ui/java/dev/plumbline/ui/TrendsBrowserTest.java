package dev.plumbline.ui;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.microsoft.playwright.Locator;
import dev.plumbline.EmbeddedStackResource;
import dev.plumbline.PipelineFixtures;
import dev.plumbline.access.Caller;
import dev.plumbline.access.TestAccounts;
import dev.plumbline.contract.DatasetRegistry;
import dev.plumbline.featurestore.FeatureBaseline;
import dev.plumbline.featurestore.FeatureBaselines;
import dev.plumbline.featurestore.FeatureDriftReading;
import dev.plumbline.featurestore.FeatureDriftReadings;
import dev.plumbline.featurestore.FeatureRegistry;
import dev.plumbline.monitor.drift.FeatureDriftRecorder;
import dev.plumbline.monitor.drift.ReferenceBaseline;
import dev.plumbline.monitor.history.HistoryRecorder;
import dev.plumbline.monitor.history.MetricHistory;
import dev.plumbline.monitor.history.Sample;
import dev.plumbline.transform.FeatureViewVersion;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.net.URL;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Trend charts drawn from the metric history, with the same figures as text: a dataset's trends page, and a
 * feature view's drift on its registry page and its panel on the dashboard.
 */
@QuarkusTest
@WithTestResource(EmbeddedStackResource.class)
class TrendsBrowserTest extends BrowserTest {

    @TestHTTPResource("/")
    URL root;

    @Inject
    DatasetRegistry registry;
    @Inject
    MetricHistory history;
    @Inject
    FeatureRegistry features;
    @Inject
    FeatureBaselines baselines;
    @Inject
    FeatureDriftReadings readings;

    @Test
    void chartsAreDrawnWithTheirTextAlternativesAndPassAccessibilityChecks() {
        String dataset = PipelineFixtures.freshDatasetName("trends");
        PipelineFixtures.registerOrders(registry, dataset);
        Instant now = Instant.now();
        List<Sample> samples = new ArrayList<>();
        for (int minute = 1; minute <= 90; minute++) {
            Instant at = now.minus(Duration.ofMinutes(minute));
            double drift = minute < 30 ? 0.28 : 0.03;
            samples.add(Sample.weighted(HistoryRecorder.PASS_RATE, Map.of("dataset", dataset, "version", "1.0.0"), at,
                    minute < 30 ? 0.97 : 1.0, 1000));
            samples.add(Sample.of(HistoryRecorder.PSI, Map.of("dataset", dataset, "column", "amount"), at, drift));
        }
        history.record(samples);

        SignIn.as(page, root, TestAccounts.VIEWER);
        page.navigate(root + "datasets/" + dataset + "?range=6h");

        assertThat(page.locator("#psi .plot canvas")).hasCount(1);
        assertThat(page.locator("#pass-rate figcaption")).containsText("version 1.0.0 latest 97.00%, lowest 97.00%, "
                + "highest 100.00%");
        assertThat(page.locator("#psi figcaption")).containsText("column amount latest 0.280");
        // Lag comes only from validation runs, of which this dataset has none; quarantine depth is sampled every
        // minute for every dataset, so its chart may hold a point by now.
        assertThat(page.locator("#lag")).containsText("No data in the last 6 hours");
        page.locator("#psi summary").click();
        assertThat(page.locator("#psi details table tbody tr")).hasCount(90);
        assertThat(Axe.seriousViolations(page)).isEmpty();
        screenshot("dataset-trends");

        page.locator("nav.ranges a", new com.microsoft.playwright.Page.LocatorOptions().setHasText("last 30 days"))
                .click();
        assertThat(page.locator("#psi figcaption")).containsText("one point per hour");
    }

    @Test
    void aFeatureViewsDriftIsChartedOnItsPageAndPanelledOnTheDashboard() {
        String dataset = PipelineFixtures.freshDatasetName("fdrift");
        PipelineFixtures.registerOrders(registry, dataset);
        FeatureViewVersion view = features.apply("""
                name: spend_%s
                entity: currency
                source: %s
                owner: test-team
                version: 1.0.0
                features:
                  - {name: avg_amount_1d, aggregation: avg, field: amount, window: 1d}
                  - {name: orders_1d, aggregation: count, field: order_id, window: 1d}
                sla: {freshness: 1h, psiThreshold: 0.25, servingP99: 50ms}
                """.formatted(dataset.substring(7), dataset), new Caller("test-admin", Set.of("admin")), "127.0.0.1")
                .version();
        Instant now = Instant.now();
        ReferenceBaseline reference = new ReferenceBaseline(ReferenceBaseline.Kind.NUMERIC, 10);
        for (int i = 1; i <= 500; i++) {
            reference.add(JsonNodeFactory.instance.numberNode(i / 10.0), "row " + i);
        }
        baselines.put(new FeatureBaseline(view.id(), "avg_amount_1d", "numeric", reference.toKwarg(), 500, 0,
                JsonNodeFactory.instance.objectNode().put("source", "upload"), TestAccounts.EDITOR, now));
        readings.record(view.id(), new FeatureDriftReading("avg_amount_1d", now, now.minusSeconds(300), 412, 0.31,
                FeatureDriftReading.MEASURED, "PSI 0.310 over 412 values"));
        List<Sample> samples = new ArrayList<>();
        for (int minute = 1; minute <= 90; minute++) {
            samples.add(Sample.of(FeatureDriftRecorder.FEATURE_PSI, Map.of("view", view.viewName(),
                    "feature", "avg_amount_1d"), now.minus(Duration.ofMinutes(minute)), minute < 30 ? 0.31 : 0.04));
        }
        history.record(samples);

        SignIn.as(page, root, TestAccounts.VIEWER);
        page.navigate(root + "features/" + view.viewName());
        assertThat(page.locator("#drift-features")).containsText("PSI");
        assertThat(page.locator("#drift-features tbody tr").first()).containsText("0.310");
        assertThat(page.locator("#drift-features tbody tr").nth(1)).containsText("no baseline");
        assertThat(page.locator("#feature-psi .plot canvas")).hasCount(1);
        assertThat(page.locator("#feature-psi figcaption")).containsText("feature avg_amount_1d latest 0.310");
        page.locator("#feature-psi summary").click();
        assertThat(page.locator("#feature-psi details table tbody tr")).hasCount(90);
        assertThat(Axe.seriousViolations(page)).isEmpty();
        screenshot("feature-view-drift");

        page.navigate(root.toString());
        Locator panel = page.locator("section[aria-labelledby='fv-" + view.viewName() + "']");
        assertThat(panel.locator("[data-figure=drift] dd")).hasText("drifting");
        assertThat(panel.locator("[data-figure=freshness] dd")).hasText("no data");
        assertThat(Axe.seriousViolations(page)).isEmpty();
        panel.scrollIntoViewIfNeeded();
        screenshot("dashboard-feature-views");
        panel.locator("[data-figure=drift] a").focus();
        page.keyboard().press("Enter");
        page.waitForURL("**/features/" + view.viewName() + "#drift");
    }
}
