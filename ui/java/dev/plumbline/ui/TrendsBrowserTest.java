package dev.plumbline.ui;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import dev.plumbline.EmbeddedStackResource;
import dev.plumbline.PipelineFixtures;
import dev.plumbline.access.TestAccounts;
import dev.plumbline.contract.DatasetRegistry;
import dev.plumbline.monitor.history.HistoryRecorder;
import dev.plumbline.monitor.history.MetricHistory;
import dev.plumbline.monitor.history.Sample;
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
import org.junit.jupiter.api.Test;

/** A dataset's trend page: charts drawn from the metric history, with the same figures as text. */
@QuarkusTest
@WithTestResource(EmbeddedStackResource.class)
class TrendsBrowserTest extends BrowserTest {

    @TestHTTPResource("/")
    URL root;

    @Inject
    DatasetRegistry registry;
    @Inject
    MetricHistory history;

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
            samples.add(Sample.of(HistoryRecorder.LAG_P50, Map.of("dataset", dataset), at, 2.5));
        }
        history.record(samples);

        SignIn.as(page, root, TestAccounts.VIEWER);
        page.navigate(root + "datasets/" + dataset + "?range=6h");

        assertThat(page.locator("#psi .plot canvas")).hasCount(1);
        assertThat(page.locator("#pass-rate figcaption")).containsText("version 1.0.0 latest 97.00%, lowest 97.00%, "
                + "highest 100.00%");
        assertThat(page.locator("#psi figcaption")).containsText("column amount latest 0.280");
        assertThat(page.locator("#quarantine")).containsText("No data in the last 6 hours");
        page.locator("#psi summary").click();
        assertThat(page.locator("#psi details table tbody tr")).hasCount(90);
        assertThat(Axe.seriousViolations(page)).isEmpty();
        screenshot("dataset-trends");

        page.locator("nav.ranges a", new com.microsoft.playwright.Page.LocatorOptions().setHasText("last 30 days"))
                .click();
        assertThat(page.locator("#psi figcaption")).containsText("one point per hour");
    }
}
