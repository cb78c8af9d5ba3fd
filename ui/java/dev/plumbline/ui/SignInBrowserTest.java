package dev.plumbline.ui;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import dev.plumbline.EmbeddedStackResource;
import dev.plumbline.access.TestAccounts;
import dev.plumbline.demo.DemoAccounts;
import jakarta.inject.Inject;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URL;
import org.junit.jupiter.api.Test;

/** A demo person signs in, sees the dashboard with their name in the header, and signs out again. */
@QuarkusTest
@WithTestResource(EmbeddedStackResource.class)
class SignInBrowserTest extends BrowserTest {

    @TestHTTPResource("/")
    URL root;

    @Inject
    DemoAccounts demoAccounts;

    @Test
    void aliceSignsInSeesTheDashboardAndSignsOut() {
        demoAccounts.create();
        page.navigate(root.toString());
        page.waitForURL("**/login");
        SignIn.as(page, root, "alice", "plumbline-demo");
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Pipeline health")))
                .isVisible();
        assertThat(page.locator("header.top")).containsText("Signed in as Alice Editor");

        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign out")).click();
        page.waitForURL("**/login");
        page.navigate(root.toString());
        page.waitForURL("**/login");
        assertThat(page.locator("header.top")).not().containsText("Signed in");
    }

    @Test
    void aWrongPasswordShowsWhyOnTheForm() {
        page.navigate(root + "login");
        page.getByLabel("User name").fill(TestAccounts.VIEWER);
        page.getByLabel("Password").fill("not the password");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in")).click();
        page.waitForURL("**/login?error=true");
        assertThat(page.getByRole(AriaRole.ALERT)).hasText("Wrong user name or password.");
        assertThat(Axe.seriousViolations(page)).isEmpty();
    }

    @Test
    void aTokenIsShownOnceThenOnlyItsNameAndItCanBeRevoked() {
        SignIn.as(page, root, TestAccounts.VIEWER);
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("API tokens")).click();
        page.getByLabel("Name (where the token is used)").fill("browser test");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Create token")).click();
        assertThat(page.locator("#new-token")).containsText("plb_");
        assertThat(Axe.seriousViolations(page)).isEmpty();

        page.navigate(root + "tokens");
        assertThat(page.locator("#new-token")).hasCount(0);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Revoke browser test")).first().click();
        page.waitForURL("**/tokens");
        assertThat(page.locator("table.tokens tbody tr").first()).containsText("revoked");
    }

    @Test
    void anAdministratorReadsTheAuditLogFromTheHeader() {
        SignIn.as(page, root, TestAccounts.ADMIN);
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Audit log")).click();
        page.waitForURL("**/admin/audit");
        assertThat(page.locator("table.audit tbody tr").first()).containsText("login.succeeded");
        assertThat(Axe.seriousViolations(page)).isEmpty();
    }

    @Test
    void theLoginPagePassesAutomatedAccessibilityChecks() {
        page.navigate(root + "login");
        assertThat(Axe.seriousViolations(page)).isEmpty();
    }
}
