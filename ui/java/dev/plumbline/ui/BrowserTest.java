package dev.plumbline.ui;

import com.microsoft.playwright.Page;
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

    @AfterEach
    void closePage() {
        page.context().close();
    }
}
