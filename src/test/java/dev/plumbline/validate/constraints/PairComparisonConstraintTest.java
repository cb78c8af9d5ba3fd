package dev.plumbline.validate.constraints;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.plumbline.validate.ConstraintResult;
import dev.plumbline.validate.RowFailure;
import dev.plumbline.validate.Rows;
import java.util.List;
import org.junit.jupiter.api.Test;

class PairComparisonConstraintTest {

    @Test
    void columnAMustBeGreaterThanColumnB() {
        ConstraintResult result = new PairComparisonConstraint(PairComparisonConstraint.GREATER, "end", "start",
                false, IgnoreRowIf.ALL_MISSING, 1.0).evaluate(Rows.json("{'end': 5, 'start': 1}",
                        "{'end': 2, 'start': 2}", "{'end': 3, 'start': null}", "{'end': null, 'start': null}"));

        assertThat(result.column()).isEqualTo("end, start");
        assertThat(result.evaluated()).isEqualTo(3);
        assertThat(result.rowFailures()).containsOnlyKeys(1, 2);
        assertThat(result.rowFailures().get(1)).isEqualTo(new RowFailure(PairComparisonConstraint.GREATER,
                "end, start", "[2,2]", "[2,2]: end is not greater than start"));
        assertThat(result.observed()).isEqualTo("2 of 3 where end is not greater than start (66.7%)");
    }

    @Test
    void orEqualAdmitsTiesAndEitherMissingSkipsRows() {
        ConstraintResult result = new PairComparisonConstraint(PairComparisonConstraint.GREATER, "a", "b", true,
                IgnoreRowIf.ANY_MISSING, 1.0).evaluate(Rows.json("{'a': 2, 'b': 2.0}", "{'a': 3, 'b': null}"));

        assertThat(result.evaluated()).isEqualTo(1);
        assertThat(result.success()).isTrue();
    }

    @Test
    void equalComparesNumbersByValueAndNeverAcrossKinds() {
        ConstraintResult result = new PairComparisonConstraint(PairComparisonConstraint.EQUAL, "a", "b", false,
                IgnoreRowIf.NEVER, 1.0).evaluate(Rows.json("{'a': 1, 'b': 1.0}", "{'a': 10, 'b': 'abc'}",
                        "{'a': null, 'b': null}"));

        assertThat(result.rowFailures()).containsOnlyKeys(1, 2);
        assertThat(result.rowFailures().get(1).value()).isEqualTo("[10,\"abc\"]");
    }
}
