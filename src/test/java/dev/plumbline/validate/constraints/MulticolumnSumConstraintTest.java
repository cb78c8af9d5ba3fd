package dev.plumbline.validate.constraints;

import static org.assertj.core.api.Assertions.assertThat;

import dev.plumbline.validate.ConstraintResult;
import dev.plumbline.validate.RowFailure;
import dev.plumbline.validate.Rows;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

class MulticolumnSumConstraintTest {

    @Test
    void recordsMustSumExactlyToTheTotal() {
        ConstraintResult result = new MulticolumnSumConstraint(List.of("w", "x"), BigDecimal.ONE,
                IgnoreRowIf.ALL_MISSING, 1.0).evaluate(Rows.json("{'w': 0.71, 'x': 0.29}", "{'w': 0.4, 'x': 0.8}",
                        "{'w': 1, 'x': null}", "{'w': null, 'x': null}", "{'w': 'a', 'x': 1}"));

        assertThat(result.column()).isEqualTo("w, x");
        assertThat(result.evaluated()).isEqualTo(4);
        assertThat(result.rowFailures()).containsOnlyKeys(1, 4);
        assertThat(result.rowFailures().get(1)).isEqualTo(new RowFailure(MulticolumnSumConstraint.RULE, "w, x",
                "{\"w\":0.4,\"x\":0.8}", "{\"w\":0.4,\"x\":0.8}: sums to 1.2, not 1"));
        assertThat(result.rowFailures().get(4).reason()).isEqualTo("{\"w\":\"a\",\"x\":1}: a value is not a number");
        assertThat(result.observed()).isEqualTo("2 of 4 not summing to 1 (50%)");
    }

    @Test
    void anyValueMissingSkipsTheRow() {
        ConstraintResult result = new MulticolumnSumConstraint(List.of("w", "x"), BigDecimal.ONE,
                IgnoreRowIf.ANY_MISSING, 1.0).evaluate(Rows.json("{'w': 3, 'x': null}"));

        assertThat(result.evaluated()).isZero();
    }
}
