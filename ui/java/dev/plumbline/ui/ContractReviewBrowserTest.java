package dev.plumbline.ui;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import dev.plumbline.EmbeddedStackResource;
import dev.plumbline.PipelineFixtures;
import dev.plumbline.TestKafka;
import dev.plumbline.access.TestAccounts;
import dev.plumbline.contract.DatasetRegistry;
import dev.plumbline.quarantine.QuarantineFilter;
import dev.plumbline.quarantine.QuarantineQueue;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.net.URL;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A breaking contract change from proposal to enforcement: the author proposes it in the editor, an owner of
 * the dataset's team approves, so does the consuming team, the author activates it, and the next batch is
 * judged by it.
 */
@QuarkusTest
@WithTestResource(EmbeddedStackResource.class)
class ContractReviewBrowserTest extends BrowserTest {

    static final String TIGHTER = PipelineFixtures.resource("fixtures/pipeline/orders.odcs.yaml")
            .replace("version: 1.0.0", "version: 2.0.0").replace("maximum: 100", "maximum: 50");

    @TestHTTPResource("/")
    URL root;

    @Inject
    DatasetRegistry registry;
    @Inject
    QuarantineQueue quarantine;

    String dataset;

    @BeforeEach
    void datasetConsumedByAnotherTeam() {
        dataset = PipelineFixtures.freshDatasetName("review");
        QuarkusTransaction.requiringNew().run(() -> {
            PipelineFixtures.registerOrders(registry, dataset);
            registry.subscribe(registry.get(dataset).orElseThrow().id, TestAccounts.CONSUMER_TEAM, "test");
        });
    }

    @Test
    void aBreakingChangeIsProposedApprovedByOwnersAndConsumersActivatedAndEnforced() {
        SignIn.as(page, root, TestAccounts.EDITOR);
        page.navigate(root + "contracts");
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(dataset)).click();
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Propose a change")).click();
        page.getByLabel("Title").fill("Cap order amounts at 50");
        page.locator("#yaml").fill(TIGHTER.replace("version: 2.0.0", "version: 1.1.0"));
        assertThat(page.locator("#check")).containsText("needs 2.0.0 or later, not 1.1.0");
        page.locator("#yaml").fill(TIGHTER);
        assertThat(page.locator("#check")).containsText("breaking change, needs version 2.0.0 or later");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Propose for review")).click();
        page.waitForURL("**/change-requests/*");
        String change = page.url();
        assertThat(page.locator("#state")).hasText("open");
        assertThat(page.getByLabel("Approve")).hasCount(0);
        assertThat(Axe.seriousViolations(page)).isEmpty();

        approveAs(root, TestAccounts.APPROVER, change, "Fine by payments.");
        approveAs(root, TestAccounts.CONSUMER, change, null);

        page.navigate(change);
        assertThat(page.locator("#state")).hasText("approved");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Activate 2.0.0")).click();
        assertThat(page.locator("#state")).hasText("active");
        assertThat(page.locator("table.audit")).containsText("change_request.activated");

        TestKafka.publish(dataset, List.of(PipelineFixtures.order("after-2", 75, "USD")));
        await().atMost(Duration.ofSeconds(30)).until(() -> quarantine.count(QuarantineFilter.open(dataset)) == 1);
        page.navigate(root + "quarantine?dataset=" + dataset);
        assertThat(page.locator("table.quarantine tbody tr").first()).containsText("contract 2.0.0");
        assertThat(dialogs).isEmpty();
    }

    @Test
    void contractPagesPassAutomatedAccessibilityChecks() {
        SignIn.as(page, root, TestAccounts.EDITOR);
        for (String path : List.of("contracts", "contracts/" + dataset, "contracts/" + dataset + "/propose")) {
            page.navigate(root + path);
            assertThat(Axe.seriousViolations(page)).as(path).isEmpty();
        }
    }
}
