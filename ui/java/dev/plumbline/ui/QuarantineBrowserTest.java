package dev.plumbline.ui;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import dev.plumbline.EmbeddedStackResource;
import dev.plumbline.access.TestAccounts;
import dev.plumbline.contract.DatasetRegistry;
import dev.plumbline.ingest.StagingRepository;
import dev.plumbline.quarantine.QuarantineQueue;
import dev.plumbline.quarantine.QuarantinedMix;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.net.URL;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The data engineer working the quarantine: narrow it to a rule, read a record, release what now passes,
 * see what fails again, discard what should never have been sent, and find it again among the discarded.
 */
@QuarkusTest
@WithTestResource(EmbeddedStackResource.class)
class QuarantineBrowserTest extends BrowserTest {

    @TestHTTPResource("/")
    URL root;

    @Inject
    DatasetRegistry registry;
    @Inject
    StagingRepository staging;
    @Inject
    QuarantineQueue queue;
    @Inject
    DataSource dataSource;

    QuarantinedMix mix;

    @BeforeEach
    void quarantineAMixAndSignIn() {
        mix = QuarantinedMix.publish(registry, staging, queue, dataSource);
        SignIn.as(page, root, TestAccounts.EDITOR);
    }

    @Test
    void filterInspectReleaseAndDiscard() {
        page.navigate(root + "quarantine");
        page.getByLabel("Dataset").selectOption(mix.dataset());
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Show")).click();
        assertThat(page.locator("#match-count")).hasText("4 records match.");
        page.getByLabel("Failed rule").selectOption("expect_column_values_to_be_unique");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Show")).click();
        assertThat(page.locator("#match-count")).hasText("2 records match.");

        page.locator("#q-" + mix.duplicateOne() + " a").first().click();
        assertThat(page.locator("h1")).hasText("Quarantined record #" + mix.duplicateOne());
        assertThat(page.locator("pre.payload")).containsText("\"order_id\": \"dup\"");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Release for re-validation")).click();
        assertThat(page.getByRole(AriaRole.STATUS)).hasText("Released 1 record to the pipeline.");
        assertThat(page.locator("#record-status")).containsText("released by " + TestAccounts.EDITOR);

        page.navigate(root + "quarantine?dataset=" + mix.dataset());
        assertThat(page.locator("#match-count")).hasText("3 records match.");
        page.getByLabel("Select record " + mix.tooLarge()).check();
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Release selected")).click();
        assertThat(page.getByRole(AriaRole.STATUS)).containsText("1 record failed again");
        assertThat(page.locator("#q-" + mix.tooLarge())).containsText("expect_column_values_to_be_between");

        page.getByLabel("Select record " + mix.badCurrency()).check();
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Discard selected")).click();
        assertThat(page.getByRole(AriaRole.ALERT)).containsText("a reason is required");
        page.getByLabel("Select record " + mix.badCurrency()).check();
        page.getByLabel("Reason for discarding").fill("sent by a test harness");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Discard selected")).click();
        assertThat(page.getByRole(AriaRole.STATUS)).hasText("Discarded 1 record.");
        assertThat(page.locator("#q-" + mix.badCurrency())).hasCount(0);

        page.getByLabel("Status").selectOption("discarded");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Show")).click();
        Locator discarded = page.locator("#q-" + mix.badCurrency());
        assertThat(discarded).containsText("discarded by " + TestAccounts.EDITOR);
        assertThat(page.getByLabel("Select record " + mix.badCurrency())).hasCount(0);
        assertThat(dialogs).isEmpty();
    }

    @Test
    void quarantineListAndRecordPassAutomatedAccessibilityChecks() {
        page.navigate(root + "quarantine?dataset=" + mix.dataset());
        assertThat(Axe.seriousViolations(page)).isEmpty();
        page.navigate(root + "quarantine/" + mix.tooLarge());
        assertThat(Axe.seriousViolations(page)).isEmpty();
    }
}
