package dev.plumbline.validate.constraints;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.plumbline.validate.ConstraintResult;
import dev.plumbline.validate.RowFailure;
import dev.plumbline.validate.Rows;
import java.util.List;
import org.junit.jupiter.api.Test;

class MonotonicConstraintTest {

    @Test
    void eachValueIsComparedWithThePreviousNonNullValue() {
        ConstraintResult result = new MonotonicConstraint("seq", true, false, 1.0)
                .evaluate(Rows.column("seq", null, 0, null, 2, 2, null, 1, 3));

        assertThat(result.evaluated()).isEqualTo(5);
        assertThat(result.rowFailures()).containsOnlyKeys(6);
        assertThat(result.rowFailures().get(6)).isEqualTo(new RowFailure(MonotonicConstraint.INCREASING, "seq", "1",
                "seq = 1 is not increasing after 2"));
        assertThat(result.observed()).isEqualTo("1 of 5 out of increasing order (20%)");
    }

    @Test
    void strictlyMakesTiesUnexpected() {
        ConstraintResult result = new MonotonicConstraint("seq", false, true, 1.0)
                .evaluate(Rows.column("seq", 3, 3, 2, 5));

        assertThat(result.rule()).isEqualTo(MonotonicConstraint.DECREASING);
        assertThat(result.rowFailures()).containsOnlyKeys(1, 3);
        assertThat(result.rowFailures().get(1).reason()).isEqualTo("seq = 3 is not strictly decreasing after 3");
    }

    @Test
    void stringsCompareByTextAndMixedKindsAreUnexpected() {
        ConstraintResult result = new MonotonicConstraint("at", true, false, 1.0)
                .evaluate(Rows.column("at", "2024-01-01T00:00:00Z", "2024-01-02T00:00:00Z", 5, "2023-12-31"));

        assertThat(result.rowFailures()).containsOnlyKeys(2, 3);
        assertThat(result.rowFailures().get(2).reason())
                .isEqualTo("at = 5 cannot be compared with the previous value \"2024-01-02T00:00:00Z\"");
    }
}
