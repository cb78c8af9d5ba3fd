package dev.plumbline.featurestore;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A view's drift status as the registry and the dashboard word it. */
class ViewDriftTest {

    static final Instant AT = Instant.parse("2026-12-07T10:00:00Z");

    @Test
    void theWorstMeasuredFeatureSpeaksForTheView() {
        ViewDrift drift = new ViewDrift(3, List.of(reading("a", 0.05), reading("b", 0.43), insufficient("c")), 0.2);

        assertThat(drift.status()).isEqualTo("drifting");
        assertThat(drift.text()).isEqualTo("b PSI 0.430 (threshold 0.2)");
        assertThat(drift.css()).isEqualTo("drift-high");
        assertThat(new ViewDrift(1, List.of(reading("a", 0.43)), 0.5).status()).isEqualTo("stable");
    }

    @Test
    void withoutAVerdictTheStatusSaysWhy() {
        assertThat(new ViewDrift(0, List.of(), 0.2).status()).isEqualTo("no baseline");
        assertThat(new ViewDrift(2, List.of(), 0.2).status()).isEqualTo("not measured yet");
        ViewDrift few = new ViewDrift(1, List.of(insufficient("a")), 0.2);
        assertThat(few.status()).isEqualTo("insufficient data");
        assertThat(few.text()).isEqualTo("insufficient data: 12 of the 100 values PSI needs");
        assertThat(few.css()).isEqualTo("drift-none");
    }

    static FeatureDriftReading reading(String feature, double psi) {
        return new FeatureDriftReading(feature, AT, AT.minusSeconds(300), 400, psi, FeatureDriftReading.MEASURED,
                "PSI " + psi);
    }

    static FeatureDriftReading insufficient(String feature) {
        return new FeatureDriftReading(feature, AT, AT.minusSeconds(300), 12, null, FeatureDriftReading.INSUFFICIENT,
                "12 of the 100 values PSI needs");
    }
}
