package dev.plumbline.ui;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import dev.plumbline.EmbeddedStackResource;
import dev.plumbline.PipelineFixtures;
import dev.plumbline.access.Caller;
import dev.plumbline.access.TestAccounts;
import dev.plumbline.contract.DatasetRegistry;
import dev.plumbline.featurestore.FeatureRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.net.URL;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A feature view's SLA tightened in the browser: the author edits the active version with the live check, an
 * owner approves, the author activates it; then the author rolls it back, which is reviewed the same way.
 */
@QuarkusTest
@WithTestResource(EmbeddedStackResource.class)
class FeatureViewReviewBrowserTest extends BrowserTest {

    @TestHTTPResource("/")
    URL root;

    @Inject
    DatasetRegistry datasets;
    @Inject
    FeatureRegistry features;

    String view;
    String yaml;

    @BeforeEach
    void viewWithAnActiveVersion() {
        String dataset = PipelineFixtures.freshDatasetName("fvb");
        QuarkusTransaction.requiringNew().run(() -> PipelineFixtures.registerOrders(datasets, dataset));
        view = "spend_" + dataset.substring(4);
        yaml = """
                name: %s
                entity: currency
                source: %s
                owner: test-team
                version: 1.0.0
                features:
                  - {name: amount_sum, aggregation: sum, field: amount, window: 1h}
                sla:
                  freshness: 10m
                """.formatted(view, dataset);
        features.apply(yaml, new Caller(TestAccounts.ADMIN, Set.of("admin")), "127.0.0.1");
    }

    @Test
    void aTighterSlaIsProposedInTheEditorApprovedActivatedAndRolledBack() {
        SignIn.as(page, root, TestAccounts.EDITOR);
        page.navigate(root + "features/" + view);
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Propose a new version")).click();
        page.locator("#yaml").fill(yaml.replace("freshness: 10m", "freshness: 1m").replace("1.0.0", "1.1.0"));
        assertThat(page.locator("#check")).containsText("needs 2.0.0 or later, not 1.1.0");
        assertThat(page.locator("#check")).containsText("freshness shortened");
        page.locator("#yaml").fill(yaml.replace("freshness: 10m", "freshness: 1m").replace("1.0.0", "2.0.0"));
        assertThat(page.locator("#check")).containsText("breaking change, needs version 2.0.0 or later");
        assertThat(Axe.seriousViolations(page)).isEmpty();
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Propose for review")).click();
        page.waitForURL("**/change-requests/*");
        String change = page.url();
        assertThat(page.locator("#state")).hasText("open");

        approveAs(root, TestAccounts.APPROVER, change, "Ten minutes was too slow for the fraud model.");
        page.navigate(change);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Activate 2.0.0")).click();
        assertThat(page.locator("#state")).hasText("active");

        page.navigate(root + "features/" + view);
        assertThat(page.locator("h1")).containsText("2.0.0");
        page.getByLabel("Roll back to").selectOption("1.0.0");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Propose the rollback")).click();
        page.waitForURL("**/change-requests/*");
        String rollback = page.url();
        assertThat(page.locator("h1")).containsText("Roll back to 1.0.0");
        approveAs(root, TestAccounts.APPROVER, rollback, null);
        page.navigate(rollback);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Activate 1.0.0")).click();
        assertThat(page.locator("#state")).hasText("active");
        page.navigate(root + "features/" + view);
        assertThat(page.locator("h1")).containsText("1.0.0");
        assertThat(page.locator("#versions")).containsText("deprecated");
        assertThat(dialogs).isEmpty();
    }

    @Test
    void featureViewPagesPassAutomatedAccessibilityChecks() {
        SignIn.as(page, root, TestAccounts.EDITOR);
        for (String path : List.of("features", "features/" + view, "features/" + view + "/propose", "features/new")) {
            page.navigate(root + path);
            assertThat(Axe.seriousViolations(page)).as(path).isEmpty();
        }
        screenshot("feature-view-editor");
    }
}
