package dev.plumbline.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class IncidentScriptTest {

    private final IncidentScript script = IncidentScript.every(Duration.ofSeconds(60));

    @Test
    void incidentsAlternateWithCalmInDeclarationOrder() {
        List<Optional<IncidentKind>> windows = new ArrayList<>();
        for (int second = 0; second < 60; second += 5) {
            windows.add(script.activeAt(Duration.ofSeconds(second)));
        }

        assertThat(windows).containsExactly(
                Optional.empty(), Optional.of(IncidentKind.NULL_CUSTOMER),
                Optional.empty(), Optional.of(IncidentKind.DUPLICATE_ID),
                Optional.empty(), Optional.of(IncidentKind.AMOUNT_OUT_OF_RANGE),
                Optional.empty(), Optional.of(IncidentKind.LATE_EVENT),
                Optional.empty(), Optional.of(IncidentKind.MALFORMED_JSON),
                Optional.empty(), Optional.of(IncidentKind.UNKNOWN_CURRENCY));
    }

    @Test
    void anIncidentLastsOneWholeWindow() {
        assertThat(script.window()).isEqualTo(Duration.ofSeconds(5));
        assertThat(script.activeAt(Duration.ofMillis(4_999))).isEmpty();
        assertThat(script.activeAt(Duration.ofMillis(5_000))).contains(IncidentKind.NULL_CUSTOMER);
        assertThat(script.activeAt(Duration.ofMillis(9_999))).contains(IncidentKind.NULL_CUSTOMER);
        assertThat(script.activeAt(Duration.ofMillis(10_000))).isEmpty();
    }

    @Test
    void theScheduleRepeatsEveryCycle() {
        assertThat(script.activeAt(Duration.ofSeconds(65))).contains(IncidentKind.NULL_CUSTOMER);
        assertThat(script.activeAt(Duration.ofMinutes(10).plusSeconds(57))).contains(IncidentKind.UNKNOWN_CURRENCY);
        assertThat(script.activeAt(Duration.ofMinutes(10))).isEmpty();
    }

    @Test
    void windowsScaleWithALongerCycle() {
        IncidentScript slow = IncidentScript.every(Duration.ofMinutes(2));

        assertThat(slow.activeAt(Duration.ofSeconds(9))).isEmpty();
        assertThat(slow.activeAt(Duration.ofSeconds(10))).contains(IncidentKind.NULL_CUSTOMER);
        assertThat(slow.activeAt(Duration.ofSeconds(119))).contains(IncidentKind.UNKNOWN_CURRENCY);
    }

    @Test
    void aCycleTooShortForOneSecondWindowsIsRejected() {
        assertThatThrownBy(() -> IncidentScript.every(Duration.ofSeconds(11)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("at least 12s");
    }

    @Test
    void aShareOutsideZeroAndOneIsRejected() {
        assertThatThrownBy(() -> new IncidentScript(Duration.ofSeconds(60), 1.0))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new IncidentScript(Duration.ofSeconds(60), 0.0))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
