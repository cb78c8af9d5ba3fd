package dev.plumbline.contract;

import static dev.plumbline.contract.DiffFixtures.demo;
import static dev.plumbline.contract.DiffFixtures.diff;
import static dev.plumbline.contract.DiffFixtures.edit;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.tuple;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** A contract's own alert thresholds: read, checked with line and path, and classified when they change. */
class AlertOverridesTest {

    private static final String EVENT_TIME = "  - property: eventTimeField\n";
    private final OdcsParser parser = new OdcsParser();

    @Test
    void aContractsThresholdsAreReadFromItsAlertThresholdsEntry() {
        AlertOverrides overrides = AlertOverrides.of(parser.parse(withThresholds("""
                      for: 2m
                      passRate: 0.995
                      psi: 0.3
                      critical: true
                """)));

        assertThat(overrides.forDuration()).contains(Duration.ofMinutes(2));
        assertThat(overrides.passRate()).hasValue(0.995);
        assertThat(overrides.psi()).hasValue(0.3);
        assertThat(overrides.critical()).contains(true);
        assertThat(overrides.ingestionLag()).isEmpty();
        assertThat(AlertOverrides.of(parser.parse(demo()))).isEqualTo(AlertOverrides.NONE);
    }

    @Test
    void thresholdsThatCannotApplyAreRefusedWithTheirLineAndPath() {
        InvalidContractException refused = catchThrowableOfType(InvalidContractException.class,
                () -> parser.parse(withThresholds("""
                              for: soon
                              passRate: 99
                              psi: -1
                              critical: "yes"
                              latency: 5m
                        """)));

        String at = "customProperties[0].value.";
        assertThat(refused.problems()).extracting(ContractProblem::line, ContractProblem::path,
                ContractProblem::message).containsExactly(
                        tuple(23, at + "for", "expected a duration such as 30s, 5m or 1h30m, found \"soon\""),
                        tuple(24, at + "passRate", "expected a share above 0 and at most 1 (0.99 is 99%), found 99"),
                        tuple(25, at + "psi", "expected a number above 0, found -1"),
                        tuple(26, at + "critical", "expected true or false, found a string"),
                        tuple(27, at + "latency", "\"latency\" is not an alert threshold; known: for, ingestionLag, "
                                + "staleness, passRate, psi, critical"));
    }

    @Test
    void changingTheThresholdsIsAMinorChangeThatSaysTheDataAcceptedIsUnchanged() {
        ContractDiff diff = diff(withThresholds("      psi: 0.2\n      for: 5m\n"),
                withThresholds("      psi: 0.3\n      critical: true\n"));

        assertThat(diff.changes()).extracting(Change::path, Change::impact, Change::reason).containsExactly(
                tuple("customProperties[alertThresholds].value", Impact.ADDITIVE, "alertThresholds: psi changed "
                        + "from 0.2 to 0.3, for removed, critical set to true: the alerts on this dataset change; "
                        + "the records it accepts do not"));
        assertThat(diff.requiredBump("1.0.0")).hasToString("1.1.0");
        assertThat(diff(demo(), withThresholds("      psi: 0.3\n")).impact()).isEqualTo(Impact.ADDITIVE);
    }

    @Test
    void aSecondThresholdsEntryIsRefused() {
        String twice = edit(withThresholds("      psi: 0.3\n"), EVENT_TIME,
                "  - property: alertThresholds\n    value:\n      psi: 0.4\n" + EVENT_TIME);
        InvalidContractException refused = catchThrowableOfType(InvalidContractException.class,
                () -> parser.parse(twice));

        assertThat(refused.problems()).extracting(ContractProblem::path, ContractProblem::message)
                .containsExactly(tuple("customProperties[1].property", "a second alertThresholds entry; give one"));
    }

    /** The frozen demo contract with an {@code alertThresholds} entry first, holding the given lines. */
    private static String withThresholds(String lines) {
        return edit(demo(), EVENT_TIME, "  - property: alertThresholds\n    value:\n" + lines + EVENT_TIME);
    }
}
