package dev.plumbline.ui;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Playwright;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The system's Chromium (Debian's {@code chromium} package) driven by Playwright, headless. Where it is not
 * installed the browser tests are skipped with a message, except in CI, where they fail.
 */
final class SystemChromium implements AutoCloseable {

    static final Path EXECUTABLE = Path.of(System.getenv().getOrDefault("CHROMIUM_EXECUTABLE", "/usr/bin/chromium"));

    // The machine's network is closed: without these, Chromium keeps trying to reach its own services.
    private static final List<String> FLAGS = List.of("--no-sandbox", "--disable-gpu", "--disable-quic",
            "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync");

    private final Playwright playwright;
    final Browser browser;

    private SystemChromium(Playwright playwright, Browser browser) {
        this.playwright = playwright;
        this.browser = browser;
    }

    static SystemChromium launch() {
        boolean installed = Files.isExecutable(EXECUTABLE);
        if (!installed && System.getenv("CI") != null) {
            throw new IllegalStateException("Chromium is not installed at " + EXECUTABLE + "; .ci/run installs it");
        }
        assumeTrue(installed, "Browser tests skipped: no Chromium at " + EXECUTABLE
                + " (apt-get install chromium, or set CHROMIUM_EXECUTABLE)");
        Playwright playwright = Playwright.create();
        Browser browser = playwright.chromium().launch(new BrowserType.LaunchOptions()
                .setExecutablePath(EXECUTABLE).setHeadless(true).setArgs(FLAGS));
        return new SystemChromium(playwright, browser);
    }

    @Override
    public void close() {
        browser.close();
        playwright.close();
    }
}
