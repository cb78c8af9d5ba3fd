package dev.plumbline.ui;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import dev.plumbline.EmbeddedStackResource;
import dev.plumbline.access.TestAccounts;
import dev.plumbline.contract.DatasetRegistry;
import dev.plumbline.monitor.rules.AlertEvaluator;
import dev.plumbline.monitor.rules.AlertFixtures;
import dev.plumbline.monitor.rules.AlertFixtures.TestDataset;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The on-call editor silencing a drift alert of their team from the alerts page, then lifting the silence. */
@QuarkusTest
@WithTestResource(EmbeddedStackResource.class)
class AlertsBrowserTest extends BrowserTest {

    @TestHTTPResource("/")
    URL root;

    @Inject
    DatasetRegistry registry;
    @Inject
    AlertEvaluator evaluator;
    @Inject
    DataSource dataSource;

    TestDataset dataset;

    @BeforeEach
    void driftOnADatasetOfTheTeam() {
        dataset = AlertFixtures.dataset(registry, TestAccounts.TEAM);
        Instant now = AlertFixtures.later(Duration.ofSeconds(1));
        AlertFixtures.psi(dataSource, AlertFixtures.healthyRun(dataSource, dataset, now), "amount", 0.43, 0.2);
        evaluator.evaluate(now);
        SignIn.as(page, root, TestAccounts.EDITOR);
    }

    @Test
    void silenceAnAlertFromItsRowThenExpireIt() {
        page.navigate(root + "alerts");
        Locator row = page.locator("#open tr", new Page.LocatorOptions().setHasText(dataset.name() + ".amount"));
        assertThat(row).containsText("distribution drift, PSI 0.430 above 0.2");
        row.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Silence…")).click();
        assertThat(page.getByLabel("Matchers, one per line")).hasValue("alertname=\"DistributionDrift\"\n"
                + "column=\"amount\"\ndataset=\"" + dataset.name() + "\"\nteam=\"" + TestAccounts.TEAM + "\"");
        page.getByLabel("For how long").fill("1h");
        page.getByLabel("Why").fill("new currency rolled out on purpose");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Create silence")).click();
        assertThat(page.getByRole(AriaRole.STATUS)).containsText("created");
        Locator silence = page.locator("#silences tr", new Page.LocatorOptions().setHasText(dataset.name()));
        assertThat(silence).containsText("active");
        assertThat(silence).containsText("new currency rolled out on purpose");

        silence.getByRole(AriaRole.BUTTON).click();
        assertThat(page.getByRole(AriaRole.STATUS)).containsText("expired");
        assertThat(page.locator("#silences tr", new Page.LocatorOptions().setHasText(dataset.name())))
                .containsText("expired by " + TestAccounts.EDITOR);
        assertThat(dialogs).isEmpty();
    }

    @Test
    void alertsPagePassesAutomatedAccessibilityChecks() {
        page.navigate(root + "alerts");
        assertThat(Axe.seriousViolations(page)).isEmpty();
        screenshot("alerts");
    }

    @Test
    void theDashboardShowsWhatIsFiringAndLeadsToTheAlerts() {
        evaluator.evaluate(AlertFixtures.later(Duration.ofMinutes(1)));
        page.navigate(root.toString());
        Locator firing = page.locator("section.firing li", new Page.LocatorOptions().setHasText(dataset.name()));
        assertThat(firing).containsText("DistributionDrift " + dataset.name() + ".amount: distribution drift, PSI 0.430");
        assertThat(Axe.seriousViolations(page)).isEmpty();
        screenshot("dashboard");
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Alerts: silence, routes, deliveries"))
                .click();
        assertThat(page.locator("#open tr", new Page.LocatorOptions().setHasText(dataset.name() + ".amount")))
                .containsText("firing");
    }

    @Test
    void theDemoReceiverPageShowsWhatArrivedAndPassesAutomatedAccessibilityChecks() throws Exception {
        String key = "browser-" + dataset.name();
        // posted as a receiver gets it: no session, no CSRF token
        String body = "{\"event_action\":\"trigger\",\"dedup_key\":\"" + key + "\",\"payload\":{\"summary\":"
                + "\"[FIRING:1] DistributionDrift dataset=" + dataset.name() + "\"}}";
        HttpResponse<String> posted = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create(root + "demo/receiver/pagerduty")).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(posted.statusCode()).isEqualTo(202);
        page.navigate(root + "demo/receiver");
        assertThat(page.locator("table.received tr", new Page.LocatorOptions().setHasText(dataset.name())))
                .containsText("trigger");
        assertThat(Axe.seriousViolations(page)).isEmpty();
        screenshot("demo-receiver");
    }
}
