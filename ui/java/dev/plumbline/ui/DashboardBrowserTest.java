package dev.plumbline.ui;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static dev.plumbline.PipelineFixtures.order;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import dev.plumbline.EmbeddedStackResource;
import dev.plumbline.PipelineFixtures;
import dev.plumbline.TestKafka;
import dev.plumbline.access.TestAccounts;
import dev.plumbline.contract.DatasetRegistry;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.net.URL;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The on-call engineer's view: the dashboard updating by itself, then the quarantine behind a number. */
@QuarkusTest
@WithTestResource(EmbeddedStackResource.class)
class DashboardBrowserTest extends BrowserTest {

    static final LocatorAssertions.HasTextOptions WITHIN_HTMX_REFRESHES =
            new LocatorAssertions.HasTextOptions().setTimeout(30_000);

    @TestHTTPResource("/")
    URL root;

    @Inject
    DatasetRegistry registry;

    @BeforeEach
    void signIn() {
        SignIn.as(page, root, TestAccounts.VIEWER);
    }

    @Test
    void dashboardUpdatesInPlaceAndLeadsToTheQuarantinedRecords() {
        String dataset = PipelineFixtures.freshDatasetName("browse");
        PipelineFixtures.registerOrders(registry, dataset);
        page.navigate(root.toString());
        Locator panel = page.locator("section[aria-labelledby='ds-" + dataset + "']");
        assertThat(panel.locator("[data-figure=staged] dd")).hasText("0");
        page.evaluate("window.notReloaded = true");

        TestKafka.publish(dataset, List.of(order("b1", 10, "USD"), order("b2", 11, "EUR"),
                order(null, 12, "USD").replace("}", ",\"note\":\"<script>alert('x')</script>\"}")));

        assertThat(panel.locator("[data-figure=staged] dd")).hasText("3", WITHIN_HTMX_REFRESHES);
        assertThat(panel.locator("[data-figure=quarantined] dd")).hasText("1", WITHIN_HTMX_REFRESHES);
        assertThat(page.evaluate("window.notReloaded")).isEqualTo(true);
        assertThat(panel).hasClass(java.util.regex.Pattern.compile("failing"));

        panel.locator("[data-figure=quarantined] a").click();
        page.waitForURL("**/quarantine?dataset=" + dataset);
        Locator rows = page.locator("table.quarantine tbody tr");
        assertThat(rows).hasCount(1);
        assertThat(rows.first()).containsText("order_id is null but required");
        assertThat(rows.first().locator("pre.payload")).containsText("<script>alert('x')</script>");
        assertThat(dialogs).as("a payload's script must never run").isEmpty();
    }

    @Test
    void dashboardAndQuarantinePassAutomatedAccessibilityChecks() {
        String dataset = PipelineFixtures.freshDatasetName("a11y");
        PipelineFixtures.registerOrders(registry, dataset);
        TestKafka.publish(dataset, List.of(order("a1", 10, "USD"), order("a2", 500, "USD")));
        page.navigate(root + "quarantine?dataset=" + dataset);
        page.waitForCondition(() -> {
            page.reload();
            return page.locator("table.quarantine tbody tr[id]").count() == 1;
        }, new Page.WaitForConditionOptions().setTimeout(30_000));
        assertThat(Axe.seriousViolations(page)).isEmpty();
        screenshot("quarantine");
        page.navigate(root.toString());
        assertThat(Axe.seriousViolations(page)).isEmpty();
    }
}
