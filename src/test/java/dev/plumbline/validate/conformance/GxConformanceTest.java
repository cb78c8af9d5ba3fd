package dev.plumbline.validate.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.plumbline.validate.ExpectationRegistry;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * Runs every Great Expectations fixture case that applies to pandas through Plumbline's rules, writes
 * docs/conformance.md and holds the figures to a floor that only ever rises.
 */
class GxConformanceTest {

    private static final Path FIXTURES = Path.of("..", "shared", "conformance", "gx");
    private static final Path PAGE = Path.of("docs", "conformance.md");

    private static final int IMPLEMENTED_TYPES_FLOOR = 55;
    private static final double PASS_RATE_FLOOR = 0.98;

    @Test
    void plumblineConformsToGreatExpectationsFixtures() throws IOException {
        assumeTrue(Files.isDirectory(FIXTURES), "no Great Expectations fixtures at " + FIXTURES.toAbsolutePath()
                + "; conformance not checked");
        Map<String, List<GxCase>> casesByType = new TreeMap<>();
        for (Path file : GxFixtures.files(FIXTURES)) {
            String type = GxFixtures.read(file).path("expectation_type").asText();
            casesByType.computeIfAbsent(type, t -> new ArrayList<>()).addAll(GxFixtures.cases(FIXTURES, file));
        }
        ConformanceReport report = ConformanceReport.of(casesByType, ExpectationRegistry.names());
        Files.createDirectories(PAGE.getParent());
        Files.writeString(PAGE, report.markdown(), StandardCharsets.UTF_8);
        System.out.println("Great Expectations conformance: " + report.summary());

        assertThat(report.implemented().size()).isGreaterThanOrEqualTo(IMPLEMENTED_TYPES_FLOOR);
        assertThat(report.passRate()).isGreaterThanOrEqualTo(PASS_RATE_FLOOR);
    }
}
