package dev.plumbline.ui;

import com.microsoft.playwright.Page;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/** Runs the axe-core accessibility checks (WCAG 2.1 A and AA) on the page a browser shows. */
final class Axe {

    private static final String SCRIPT = "META-INF/resources/webjars/axe-core/4.6.3/axe.min.js";

    private Axe() {
    }

    /** The violations of impact "serious" or "critical", as "rule: help (n nodes)". */
    @SuppressWarnings("unchecked")
    static List<String> seriousViolations(Page page) {
        page.addScriptTag(new Page.AddScriptTagOptions().setContent(script()));
        List<Map<String, Object>> violations = (List<Map<String, Object>>) page.evaluate("""
                async () => (await axe.run(document, {runOnly: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']}))
                    .violations.map(v => ({id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.length}))""");
        return violations.stream()
                .filter(v -> "serious".equals(v.get("impact")) || "critical".equals(v.get("impact")))
                .map(v -> v.get("id") + ": " + v.get("help") + " (" + v.get("nodes") + " nodes)")
                .toList();
    }

    private static String script() {
        try (InputStream in = Axe.class.getClassLoader().getResourceAsStream(SCRIPT)) {
            if (in == null) {
                throw new IllegalStateException("axe-core is missing from the test classpath: " + SCRIPT);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
