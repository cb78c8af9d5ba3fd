package dev.plumbline.alert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.plumbline.PipelineFixtures;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The routing tree, tested as Alertmanager's dispatch/route_test.go does: labels in, routes and options out. */
class RouteTreeTest {

    static final Route TREE = AlertingConfigParser.parse(PipelineFixtures.resource("fixtures/alert/routing-tree.yml"))
            .route();

    private static List<String> receivers(Map<String, String> labels) {
        return TREE.match(labels).stream().map(Route::receiver).toList();
    }

    @Test
    void anAlertNoChildMatchesStaysAtTheRoot() {
        List<Route> routes = TREE.match(Map.of("team", "growth", "severity", "critical"));
        assertThat(routes).singleElement().satisfies(r -> {
            assertThat(r.receiver()).isEqualTo("default");
            assertThat(r.groupBy()).containsExactly("alertname");
            assertThat(r.groupWait()).isEqualTo(Duration.ofSeconds(30));
            assertThat(r.groupInterval()).isEqualTo(Duration.ofMinutes(5));
            assertThat(r.repeatInterval()).isEqualTo(Duration.ofHours(4));
        });
    }

    @Test
    void theDeepestMatchTakesTheAlertAndInheritsWhatItLeavesOut() {
        List<Route> routes = TREE.match(Map.of("team", "payments-data", "dataset", "transactions",
                "severity", "warning"));
        assertThat(routes).singleElement().satisfies(r -> {
            assertThat(r.receiver()).isEqualTo("payments-slack");
            assertThat(r.groupBy()).containsExactly("alertname", "dataset");
            assertThat(r.groupWait()).isEqualTo(Duration.ofSeconds(30));
        });
    }

    @Test
    void continueLetsTheNextSiblingMatchToo() {
        List<Route> routes = TREE.match(Map.of("team", "payments-data", "dataset", "refunds", "severity", "error"));
        assertThat(routes).extracting(Route::receiver).containsExactly("payments-pager", "payments-other");
        assertThat(routes.get(0).groupWait()).isEqualTo(Duration.ofSeconds(10));
        assertThat(routes.get(0).groupBy()).containsExactly("alertname", "dataset");
        assertThat(routes.get(1).groupWait()).isEqualTo(Duration.ofSeconds(30));
    }

    @Test
    void withoutContinueTheFirstMatchingSiblingStopsTheSearch() {
        assertThat(receivers(Map.of("team", "payments-data", "dataset", "transactions", "severity", "critical",
                "feature", "fraud_score"))).containsExactly("payments-pager");
    }

    @Test
    void regexMatchersAreAnchoredAndNegativeOnesExclude() {
        assertThat(receivers(Map.of("team", "risk-ml", "severity", "critical"))).containsExactly("risk-pager");
        assertThat(receivers(Map.of("team", "risk-ml", "severity", "warning"))).containsExactly("default");
        assertThat(receivers(Map.of("team", "team-risk-ml", "severity", "critical"))).containsExactly("default");
        assertThat(receivers(Map.of("team", "risk-ml", "severity", "error", "feature", "fraud_score")))
                .containsExactly("risk-pager", "features");
    }

    @Test
    void aMissingLabelMatchesAsEmpty() {
        assertThat(receivers(Map.of("team", "payments-data", "severity", "info"))).containsExactly("payments-other");
    }

    @Test
    void groupByEllipsisGroupsByEveryLabel() {
        Route risk = TREE.match(Map.of("team", "risk-ml", "severity", "critical")).get(0);
        assertThat(risk.repeatInterval()).isEqualTo(Duration.ofHours(1));
        assertThat(risk.groupLabels(Map.of("team", "risk-ml", "severity", "critical", "dataset", "x")))
                .containsOnlyKeys("team", "severity", "dataset");
        assertThat(TREE.groupKey(Map.of("alertname", "DatasetStale", "dataset", "x")))
                .isEqualTo("default:0:{alertname=DatasetStale}");
    }

    @Test
    void mistakesInTheFileAreRefusedWithWhereTheyAre() {
        assertThatThrownBy(() -> AlertingConfigParser.parse("route: {receiver: a}\nreceivers: [{name: b}]"))
                .hasMessage("route.receiver: no receiver named 'a'");
        assertThatThrownBy(() -> AlertingConfigParser.parse(
                "route: {receiver: a, routes: [{matchers: ['team=~\"(\"']}]}\nreceivers: [{name: a}]"))
                .hasMessageStartingWith("route.routes[0].matchers[0]: not a regular expression in matcher team=~\"(\"");
        assertThatThrownBy(() -> AlertingConfigParser.parse(
                "route: {receiver: a, group_wait: soon}\nreceivers: [{name: a}]"))
                .hasMessage("route.group_wait: not a duration: 'soon' (e.g. 30s, 5m, 1h30m)");
        assertThatThrownBy(() -> AlertingConfigParser.parse("route: {receiver: a, match: {}}\nreceivers: [{name: a}]"))
                .hasMessage("route.match: unknown key");
        assertThatThrownBy(() -> LabelMatcher.parse("team ~ x")).hasMessageStartingWith("not a matcher: 'team ~ x'");
    }

    @Test
    void theExampleRoutingFileInTheReadmeIsValid() throws java.io.IOException {
        AlertingConfig example = AlertingConfigParser.parse(
                java.nio.file.Files.readString(java.nio.file.Path.of("deploy/alerting/routes.example.yml")));
        assertThat(example.route().match(Map.of("team", "payments-data", "severity", "critical",
                "alertname", "DistributionDrift"))).extracting(Route::receiver)
                .containsExactly("payments-pager", "payments-slack");
        assertThat(example.inhibitRules()).hasSize(2);
    }

    @Test
    void theDemoRoutingFileSendsEveryAlertToTheDemoReceiverAsPagerDutyAndASignedWebhook() throws java.io.IOException {
        AlertingConfig demo = AlertingConfigParser.parse(
                java.nio.file.Files.readString(java.nio.file.Path.of("deploy/alerting/routes.demo.yml")));
        assertThat(demo.route().match(Map.of("team", "payments-data", "severity", "warning",
                "alertname", "DistributionDrift"))).extracting(Route::receiver).containsExactly("demo-receiver");
        Receiver receiver = demo.receiver("demo-receiver").orElseThrow();
        assertThat(receiver.webhooks()).singleElement().satisfies(w -> {
            assertThat(w.url()).isEqualTo("http://localhost:8080/demo/receiver/webhook");
            assertThat(w.secret()).as("the demo receiver's default secret").isEqualTo("plumbline-demo-webhook-secret");
        });
    }

    @Test
    void inhibitionMutesTargetsWithTheSameEqualLabelsButNotItself() {
        InhibitRule rule = new InhibitRule(List.of(LabelMatcher.parse("alertname=IngestionLagHigh")),
                List.of(LabelMatcher.parse("alertname=~\"DatasetStale|FeatureStale\"")), List.of("dataset"));
        Map<String, String> lag = Map.of("alertname", "IngestionLagHigh", "dataset", "a");
        Map<String, String> staleA = Map.of("alertname", "DatasetStale", "dataset", "a");
        Map<String, String> staleB = Map.of("alertname", "DatasetStale", "dataset", "b");
        assertThat(rule.mutes(staleA, List.of(lag, staleA, staleB))).isTrue();
        assertThat(rule.mutes(staleB, List.of(lag, staleA, staleB))).isFalse();
        assertThat(rule.mutes(lag, List.of(lag, staleA))).isFalse();
    }
}
