package dev.plumbline.validate.constraints;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.plumbline.validate.ConstraintResult;
import dev.plumbline.validate.RowFailure;
import dev.plumbline.validate.Rows;
import java.util.List;
import org.junit.jupiter.api.Test;

class ZScoreConstraintTest {

    @Test
    void valuesFarFromTheBatchMeanAreUnexpected() {
        // mean 0, sample standard deviation 1
        ConstraintResult result = new ZScoreConstraint("v", 1.0, true, 1.0)
                .evaluate(Rows.column("v", -1, 0, 1, null));

        assertThat(result.evaluated()).isEqualTo(3);
        assertThat(result.rowFailures()).containsOnlyKeys(0, 2);
        assertThat(result.rowFailures().get(0).reason()).isEqualTo("v = -1 has z-score -1.00, expected |z| < 1.0");
        assertThat(result.observed()).isEqualTo("2 of 3 with a z-score beyond |z| < 1.0 (66.7%)");
    }

    @Test
    void oneSidedChecksOnlyTheUpperSide() {
        ConstraintResult result = new ZScoreConstraint("v", 1.5, false, 1.0)
                .evaluate(Rows.column("v", -100, 1, 1, 1, 1, 1));

        assertThat(result.success()).isTrue();
    }

    @Test
    void aConstantBatchHasNoOutliers() {
        assertThat(new ZScoreConstraint("v", 0.1, true, 1.0).evaluate(Rows.column("v", 4, 4, 4)).success())
                .isTrue();
    }
}
