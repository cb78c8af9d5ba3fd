package dev.plumbline.validate.constraints;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.plumbline.validate.ConstraintResult;
import dev.plumbline.validate.RowFailure;
import dev.plumbline.validate.Rows;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class BetweenConstraintTest {

    private static final BigDecimal ZERO = BigDecimal.ZERO;
    private static final BigDecimal LIMIT = new BigDecimal("100000");

    @Test
    void valuesOutsideInclusiveBoundsAreUnexpected() {
        ConstraintResult result = new BetweenConstraint("amount", ZERO, LIMIT)
                .evaluate(Rows.column("amount", -50, 0, 100000, 2500000, 42.5));

        assertThat(result.evaluated()).isEqualTo(5);
        assertThat(result.unexpected()).isEqualTo(2);
        assertThat(result.success()).isFalse();
        assertThat(result.rowFailures()).containsOnlyKeys(0, 3);
        assertThat(result.rowFailures().get(0)).isEqualTo(new RowFailure(BetweenConstraint.RULE, "amount", "-50",
                "amount = -50 is below the minimum 0"));
        assertThat(result.rowFailures().get(3).reason()).isEqualTo("amount = 2500000 is above the maximum 100000");
        assertThat(result.observed()).isEqualTo("2 out of range; min -50, max 2500000");
    }

    @Test
    void strictBoundsExcludeThemselves() {
        ConstraintResult result = new BetweenConstraint("amount", ZERO, BigDecimal.TEN, true, true, 1.0)
                .evaluate(Rows.column("amount", 0, 0.001, 9.999, 10));

        assertThat(result.rowFailures()).containsOnlyKeys(0, 3);
        assertThat(result.rowFailures().get(0).reason()).isEqualTo("amount = 0 is not above the exclusive minimum 0");
        assertThat(result.rowFailures().get(3).reason())
                .isEqualTo("amount = 10 is not below the exclusive maximum 10");
    }

    @Test
    void eitherBoundMayBeAbsent() {
        var rows = Rows.column("amount", -1, 1_000_000_000);

        assertThat(new BetweenConstraint("amount", ZERO, null).evaluate(rows).rowFailures()).containsOnlyKeys(0);
        assertThat(new BetweenConstraint("amount", null, ZERO).evaluate(rows).rowFailures()).containsOnlyKeys(1);
    }

    @Test
    void nullsAreSkippedByBetween() {
        ConstraintResult result = new BetweenConstraint("amount", ZERO, LIMIT)
                .evaluate(Rows.column("amount", 5, null, Rows.MISSING));

        assertThat(result.evaluated()).isEqualTo(1);
        assertThat(result.unexpected()).isZero();
        assertThat(result.observed()).isEqualTo("0 out of range; min 5, max 5");
    }

    @Test
    void aValueThatIsNotANumberIsUnexpected() {
        ConstraintResult result = new BetweenConstraint("amount", ZERO, LIMIT)
                .evaluate(Rows.column("amount", 5, "abc", true, -1));

        assertThat(result.unexpected()).isEqualTo(3);
        assertThat(result.rowFailures().get(1)).isEqualTo(new RowFailure(BetweenConstraint.RULE, "amount",
                "\"abc\"", "amount = \"abc\" is not a number"));
        assertThat(result.rowFailures().get(2).reason()).isEqualTo("amount = true is not a number");
        assertThat(result.observed()).isEqualTo("1 out of range, 2 not a number; min -1, max 5");
    }

    @Test
    void decimalsCompareExactly() {
        ConstraintResult result = new BetweenConstraint("amount", null, LIMIT)
                .evaluate(Rows.json("{'amount': 100000.0000001}", "{'amount': 1E5}", "{'amount': 99999.99}"));

        assertThat(result.rowFailures()).containsOnlyKeys(0);
        assertThat(result.rowFailures().get(0).reason())
                .isEqualTo("amount = 100000.0000001 is above the maximum 100000");
    }

    @Test
    void mostlyToleratesAFractionOfFailures() {
        var rows = Rows.column("amount", 1, 2, 3, 4, 500);

        assertThat(new BetweenConstraint("amount", ZERO, LIMIT.scaleByPowerOfTen(-3), false, false, 0.8)
                .evaluate(rows).success()).isTrue();
        assertThat(new BetweenConstraint("amount", ZERO, BigDecimal.TEN, false, false, 0.81)
                .evaluate(rows).success()).isFalse();
    }

    @Test
    void boundsEqualRegardlessOfTheirScale() {
        assertThat(new BetweenConstraint("amount", new BigDecimal("0.00"), new BigDecimal("1E+5")))
                .isEqualTo(new BetweenConstraint("amount", ZERO, LIMIT));
    }

    @Test
    void boundsMustBeGivenAndOrdered() {
        assertThatThrownBy(() -> new BetweenConstraint("amount", null, null))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new BetweenConstraint("amount", BigDecimal.TEN, ZERO))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("min_value 10 is greater than max_value 0");
    }
}
