package dev.plumbline.monitor.rules;

import static dev.plumbline.monitor.rules.AlertFixtures.later;
import static org.assertj.core.api.Assertions.assertThat;

import dev.plumbline.EmbeddedStackResource;
import dev.plumbline.contract.DatasetRegistry;
import dev.plumbline.monitor.rules.AlertFixtures.TestDataset;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/** Alert rules over validation runs in the real database: thresholds, the {@code for} duration, one alert each. */
@QuarkusTest
@WithTestResource(EmbeddedStackResource.class)
class AlertEvaluatorTest {

    @Inject
    AlertEvaluator evaluator;
    @Inject
    AlertStore store;
    @Inject
    DatasetRegistry registry;
    @Inject
    DataSource dataSource;

    @Test
    void lowPassRateOfACriticalDatasetIsPendingThenFiresThenResolvesAsOneAlert() {
        TestDataset dataset = AlertFixtures.dataset(registry, AlertFixtures.CRITICAL_TEAM);
        Instant t0 = later(Duration.ofSeconds(1));
        AlertFixtures.run(dataSource, dataset, t0, 200, 190, 1000L, t0);

        evaluator.evaluate(t0);
        assertThat(alertsOf(dataset)).singleElement().satisfies(a -> {
            assertThat(a.state()).isEqualTo(AlertState.PENDING);
            assertThat(a.rule()).isEqualTo(PassRateRule.RULE);
            assertThat(a.labels()).containsEntry("severity", "critical").containsEntry("team", "alerting-team")
                    .containsEntry("alertname", "ValidationPassRateLow");
            assertThat(a.value()).isEqualTo(0.95);
            assertThat(a.summary()).isEqualTo(dataset.name()
                    + ": validation pass rate 95.00% over 200 records in the last 15m, below 99.00%");
        });

        evaluator.evaluate(t0.plusSeconds(30));
        assertThat(alertsOf(dataset)).singleElement().extracting(Alert::state).isEqualTo(AlertState.PENDING);
        List<AlertChange> fired = evaluator.evaluate(t0.plusSeconds(61));
        evaluator.evaluate(t0.plusSeconds(90));
        assertThat(fired).filteredOn(c -> dataset.name().equals(c.alert().label("dataset")))
                .singleElement().extracting(AlertChange::to).isEqualTo(AlertState.FIRING);
        assertThat(alertsOf(dataset)).singleElement().satisfies(a -> {
            assertThat(a.state()).isEqualTo(AlertState.FIRING);
            assertThat(a.firedAt()).isEqualTo(t0.plusSeconds(61));
        });

        List<AlertChange> resolved = evaluator.evaluate(t0.plus(Duration.ofMinutes(16)));
        assertThat(resolved).filteredOn(c -> dataset.name().equals(c.alert().label("dataset")))
                .singleElement().extracting(AlertChange::to).isEqualTo(AlertState.RESOLVED);
        assertThat(alertsOf(dataset)).filteredOn(a -> a.rule().equals(PassRateRule.RULE)).singleElement().satisfies(a -> {
            assertThat(a.state()).isEqualTo(AlertState.RESOLVED);
            assertThat(a.resolvedAt()).isEqualTo(t0.plus(Duration.ofMinutes(16)));
        });
    }

    @Test
    void aConditionThatStopsBeforeItsForDurationNeverFires() {
        TestDataset dataset = AlertFixtures.dataset(registry, AlertFixtures.CRITICAL_TEAM);
        Instant t0 = later(Duration.ofSeconds(1));
        long run = AlertFixtures.healthyRun(dataSource, dataset, t0);
        AlertFixtures.psi(dataSource, run, "amount", 0.43, 0.2);
        evaluator.evaluate(t0);
        assertThat(alertsOf(dataset)).singleElement().extracting(Alert::state).isEqualTo(AlertState.PENDING);

        long recovered = AlertFixtures.healthyRun(dataSource, dataset, t0.plusSeconds(20));
        AlertFixtures.psi(dataSource, recovered, "amount", 0.05, 0.2);
        evaluator.evaluate(t0.plusSeconds(30));
        assertThat(alertsOf(dataset)).isEmpty();
    }

    @Test
    void passRateOfADatasetNotMarkedCriticalRaisesNothing() {
        TestDataset dataset = AlertFixtures.dataset(registry, "test-team");
        Instant t0 = later(Duration.ofSeconds(1));
        AlertFixtures.run(dataSource, dataset, t0, 100, 50, 1000L, t0);
        evaluator.evaluate(t0);
        assertThat(alertsOf(dataset)).isEmpty();
    }

    @Test
    void psiAboveTheThresholdAlertsPerColumnAndATeamOverrideRaisesTheThreshold() {
        TestDataset strict = AlertFixtures.dataset(registry, "test-team");
        TestDataset lenient = AlertFixtures.dataset(registry, AlertFixtures.LENIENT_TEAM);
        Instant t0 = later(Duration.ofSeconds(1));
        for (TestDataset dataset : List.of(strict, lenient)) {
            long run = AlertFixtures.healthyRun(dataSource, dataset, t0);
            AlertFixtures.psi(dataSource, run, "amount", 0.43, 0.2);
            AlertFixtures.psi(dataSource, run, "channel", 0.12, 0.2);
        }
        evaluator.evaluate(t0);
        assertThat(alertsOf(strict)).singleElement().satisfies(a -> {
            assertThat(a.labels()).containsEntry("column", "amount").containsEntry("severity", "warning");
            assertThat(a.value()).isEqualTo(0.43);
            assertThat(a.summary()).isEqualTo(strict.name() + ".amount: distribution drift, PSI 0.430 above 0.2");
        });
        assertThat(alertsOf(lenient)).isEmpty();
    }

    @Test
    void aContractsOwnThresholdsWinOverItsTeamsAndTheDefaults() {
        TestDataset strictContract = AlertFixtures.dataset(registry, AlertFixtures.LENIENT_TEAM, "      psi: 0.1\n");
        TestDataset criticalContract = AlertFixtures.dataset(registry, "test-team",
                "      critical: true\n      passRate: 0.9\n      psi: 0.5\n      for: 0s\n");
        Instant t0 = later(Duration.ofSeconds(1));
        long strictRun = AlertFixtures.healthyRun(dataSource, strictContract, t0);
        AlertFixtures.psi(dataSource, strictRun, "amount", 0.12, 0.2);
        long criticalRun = AlertFixtures.run(dataSource, criticalContract, t0, 100, 85, 1000L, t0);
        AlertFixtures.psi(dataSource, criticalRun, "amount", 0.43, 0.2);

        evaluator.evaluate(t0);
        assertThat(alertsOf(strictContract)).singleElement().satisfies(a -> {
            assertThat(a.state()).isEqualTo(AlertState.PENDING);
            assertThat(a.summary()).isEqualTo(strictContract.name()
                    + ".amount: distribution drift, PSI 0.120 above 0.1");
        });
        assertThat(alertsOf(criticalContract)).singleElement().satisfies(a -> {
            assertThat(a.rule()).isEqualTo(PassRateRule.RULE);
            assertThat(a.state()).isEqualTo(AlertState.FIRING);
            assertThat(a.summary()).endsWith("below 90.00%");
        });
    }

    @Test
    void jsAndKsAboveTheContractsThresholdsAlertAsDistributionDriftLabelledWithTheirMetric() {
        TestDataset dataset = AlertFixtures.dataset(registry, "test-team");
        Instant t0 = later(Duration.ofSeconds(1));
        long run = AlertFixtures.healthyRun(dataSource, dataset, t0);
        AlertFixtures.measure(dataSource, run, "expect_column_js_distance_to_be_less_than", "JS distance", "amount",
                0.31, 0.1);
        AlertFixtures.measure(dataSource, run, "expect_column_ks_statistic_to_be_less_than", "KS statistic",
                "amount", 0.04, 0.1);
        AlertFixtures.measure(dataSource, run, "expect_column_ks_statistic_to_be_less_than", "KS statistic",
                "channel", 0.5, 0.1);
        evaluator.evaluate(t0);
        assertThat(alertsOf(dataset)).extracting(a -> a.label("column") + " " + a.label("metric") + " " + a.value())
                .containsExactlyInAnyOrder("amount js 0.31", "channel ks 0.5");
        assertThat(alertsOf(dataset)).allSatisfy(a -> assertThat(a.rule()).isEqualTo(PsiDriftRule.RULE))
                .filteredOn(a -> "js".equals(a.label("metric"))).singleElement()
                .satisfies(a -> assertThat(a.summary()).isEqualTo(dataset.name()
                        + ".amount: distribution drift, JS distance 0.31 over 500 values, expected at most 0.1"));
    }

    @Test
    void aColumnRescaledAsAWholeAlertsAsAUnitChangeInTheWatchsOwnWords() {
        TestDataset dataset = AlertFixtures.dataset(registry, "test-team");
        Instant t0 = later(Duration.ofSeconds(1));
        String words = "every quantile is scaled by ×0.921 against the approved baseline (each within 1.2%): "
                + "the signature of a unit or currency change from USD";
        AlertFixtures.unitChange(dataSource, AlertFixtures.healthyRun(dataSource, dataset, t0), "amount", words,
                0.921);
        evaluator.evaluate(t0);
        assertThat(alertsOf(dataset)).singleElement().satisfies(a -> {
            assertThat(a.rule()).isEqualTo(UnitChangeRule.RULE);
            assertThat(a.labels()).containsEntry("column", "amount").containsEntry("severity", "error");
            assertThat(a.value()).isEqualTo(0.921);
            assertThat(a.summary()).isEqualTo(dataset.name() + ".amount: " + words);
        });
    }

    @Test
    void ingestionLagAndStalenessAlertFromTheLatestRun() {
        TestDataset lagging = AlertFixtures.dataset(registry, "test-team");
        TestDataset stopped = AlertFixtures.dataset(registry, "test-team");
        Instant t0 = later(Duration.ofSeconds(1));
        AlertFixtures.run(dataSource, lagging, t0, 100, 100, Duration.ofMinutes(7).toMillis(), t0);
        AlertFixtures.run(dataSource, stopped, t0.minus(Duration.ofMinutes(6)), 100, 100, 1000L,
                t0.minus(Duration.ofMinutes(6)));
        evaluator.evaluate(t0);
        assertThat(alertsOf(lagging)).extracting(Alert::rule).containsExactly(IngestionLagRule.RULE);
        assertThat(alertsOf(lagging).get(0).summary())
                .isEqualTo(lagging.name() + ": events arrive 7m after they happen (median of the latest batch), above 5m");
        assertThat(alertsOf(stopped)).extracting(Alert::rule).containsExactly(StalenessRule.RULE);
        assertThat(alertsOf(stopped).get(0).summary()).isEqualTo(stopped.name() + ": no new record for 6m, longer than 5m");
    }

    private List<Alert> alertsOf(TestDataset dataset) {
        return store.newest(1000).stream().filter(a -> dataset.name().equals(a.label("dataset"))).toList();
    }
}
