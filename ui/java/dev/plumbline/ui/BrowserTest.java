package dev.plumbline.ui;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.net.URL;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;

/**
 * A browser test's life cycle: one Chromium per test class, a fresh page (and browser context) per test,
 * and every JavaScript dialog the page opens recorded and dismissed, so a test can assert none appeared.
 */
abstract class BrowserTest {

    static SystemChromium chromium;

    Page page;
    final List<String> dialogs = new ArrayList<>();

    @BeforeAll
    static void launchChromium() {
        chromium = SystemChromium.launch();
    }

    @AfterAll
    static void closeChromium() {
        if (chromium != null) {
            chromium.close();
        }
    }

    @BeforeEach
    void openPage() {
        page = chromium.browser.newPage();
        page.onDialog(dialog -> {
            dialogs.add(dialog.message());
            dialog.dismiss();
        });
    }

    /** Saves what the page shows as {@code target/screenshots/<name>.png}, for people to look at. */
    void screenshot(String name) {
        page.screenshot(new Page.ScreenshotOptions().setFullPage(true)
                .setPath(Path.of("target", "screenshots", name + ".png")));
    }

    /** Approves a change request as another user, in a browser context of their own, and checks the page with axe. */
    void approveAs(URL root, String user, String change, String comment) {
        Page reviewer = chromium.browser.newPage();
        try {
            SignIn.as(reviewer, root, user);
            reviewer.navigate(change);
            reviewer.getByLabel("Approve").check();
            if (comment != null) {
                reviewer.getByLabel("Comment", new Page.GetByLabelOptions().setExact(true)).fill(comment);
            }
            reviewer.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Submit review")).click();
            assertThat(reviewer.locator("ul.reviews")).containsText(user + " approved");
            assertThat(Axe.seriousViolations(reviewer)).isEmpty();
        } finally {
            reviewer.context().close();
        }
    }

    @AfterEach
    void closePage() {
        page.context().close();
    }
}
