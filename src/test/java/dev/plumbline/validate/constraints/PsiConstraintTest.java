package dev.plumbline.validate.constraints;

import static org.assertj.core.api.Assertions.assertThat;

import dev.plumbline.validate.ConstraintResult;
import dev.plumbline.validate.Rows;
import dev.plumbline.validate.analyzers.NumericBaseline;
import dev.plumbline.validate.analyzers.PopulationStabilityIndex;
import java.util.List;
import org.junit.jupiter.api.Test;

class PsiConstraintTest {

    private static final PopulationStabilityIndex PSI = new PopulationStabilityIndex("x",
            new NumericBaseline(List.of(10.0, 20.0), List.of(0.25, 0.5, 0.25), 0.0));

    @Test
    void aShiftedBatchAboveTheThresholdFails() {
        ConstraintResult result = new PsiConstraint("x", PSI, 0.2, 8)
                .evaluate(Rows.column("x", 5, 10, 15, 20, 25, 25, 30, 99));

        assertThat(result.success()).isFalse();
        assertThat(result.observed()).isEqualTo("PSI 0.346574 over 8 values, expected at most 0.2");
        assertThat(result.observedValue().doubleValue()).isEqualTo(0.34657359027997264);
        assertThat(result.rowFailures()).isEmpty();
    }

    @Test
    void aBatchLikeTheBaselinePasses() {
        assertThat(new PsiConstraint("x", PSI, 0.2, 4).evaluate(Rows.column("x", 1, 11, 12, 21)).success()).isTrue();
    }

    @Test
    void tooFewValuesAreInsufficientDataNotDrift() {
        ConstraintResult result = new PsiConstraint("x", PSI, 0.2, 100).evaluate(Rows.column("x", 99, 99, null));

        assertThat(result.success()).isTrue();
        assertThat(result.observed()).isEqualTo("insufficient data: 3 of the 100 values PSI needs");
        assertThat(result.observedValue()).isNull();
    }

    @Test
    void valuesTheBaselineCannotPlaceFailTheBatch() {
        ConstraintResult result = new PsiConstraint("x", PSI, 0.2, 1).evaluate(Rows.column("x", 1, "ten"));

        assertThat(result.success()).isFalse();
        assertThat(result.observed()).isEqualTo("PSI unknown: 1 of 2 values do not fit the baseline (not numbers)");
    }
}
