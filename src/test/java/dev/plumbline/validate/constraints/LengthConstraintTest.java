package dev.plumbline.validate.constraints;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.plumbline.validate.ConstraintResult;
import dev.plumbline.validate.RowFailure;
import dev.plumbline.validate.Rows;
import java.util.List;
import org.junit.jupiter.api.Test;

class LengthConstraintTest {

    @Test
    void lengthsOutsideTheBoundsAreUnexpected() {
        ConstraintResult result = new LengthConstraint(LengthConstraint.BETWEEN, "name", 4, 8, 1.0)
                .evaluate(Rows.column("name", "cool", "collected", "abc", null, 5));

        assertThat(result.evaluated()).isEqualTo(4);
        assertThat(result.rowFailures()).containsOnlyKeys(1, 2, 4);
        assertThat(result.rowFailures().get(1).reason()).isEqualTo("name = \"collected\" has length 9, expected 4 to 8");
        assertThat(result.rowFailures().get(4).reason()).isEqualTo("name = 5 is not a string");
        assertThat(result.observed()).isEqualTo("3 of 4 of another length than 4 to 8 (75%)");
    }

    @Test
    void lengthCountsCharactersNotUtf16Units() {
        ConstraintResult result = LengthConstraint.equal("flag", 2, 1.0)
                .evaluate(Rows.column("flag", "🇫🇷", "ab", "é"));

        assertThat(result.rowFailures()).containsOnlyKeys(2);
        assertThat(result.rowFailures().get(2).reason()).isEqualTo("flag = \"é\" has length 1, expected 2");
    }

    @Test
    void aMinimumAboveTheMaximumFailsEveryValue() {
        ConstraintResult result = new LengthConstraint(LengthConstraint.BETWEEN, "s", 1, 0, 1.0)
                .evaluate(Rows.column("s", "a", ""));

        assertThat(result.unexpected()).isEqualTo(2);
    }

    @Test
    void oneBoundIsRequired() {
        assertThatThrownBy(() -> new LengthConstraint(LengthConstraint.BETWEEN, "s", null, null, 1.0))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
