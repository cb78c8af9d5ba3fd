package dev.plumbline.validate.constraints;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.plumbline.validate.ConstraintResult;
import dev.plumbline.validate.RowFailure;
import dev.plumbline.validate.Rows;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class InSetConstraintTest {

    private static final InSetConstraint CURRENCIES = new InSetConstraint("currency", Rows.values("USD", "EUR", "GBP"));

    @Test
    void valuesOutsideTheSetAreUnexpected() {
        ConstraintResult result = CURRENCIES
                .evaluate(Rows.column("currency", "USD", "XXX", "JPY", "EUR", "JPY", "JPY"));

        assertThat(result.evaluated()).isEqualTo(6);
        assertThat(result.unexpected()).isEqualTo(4);
        assertThat(result.rowFailures()).containsOnlyKeys(1, 2, 4, 5);
        assertThat(result.rowFailures().get(2)).isEqualTo(new RowFailure(InSetConstraint.RULE, "currency", "\"JPY\"",
                "currency = \"JPY\" is not one of USD, EUR, GBP"));
        assertThat(result.observed()).isEqualTo("unexpected values: JPY ×3, XXX ×1");
    }

    @Test
    void numbersCompareNumericallyAndStringsOnlyToStrings() {
        InSetConstraint ratings = new InSetConstraint("rating", Rows.values(1, 2.5, true));

        ConstraintResult result = ratings.evaluate(Rows.json("{'rating': 1.0}", "{'rating': 2.50}",
                "{'rating': '1'}", "{'rating': 3}", "{'rating': true}", "{'rating': 'true'}"));

        assertThat(result.rowFailures()).containsOnlyKeys(2, 3, 5);
        assertThat(result.rowFailures().get(2).reason()).isEqualTo("rating = \"1\" is not one of 1, 2.5, true");
    }

    @Test
    void nullsAreSkippedByInSet() {
        ConstraintResult result = CURRENCIES.evaluate(Rows.column("currency", "USD", null, Rows.MISSING));

        assertThat(result.evaluated()).isEqualTo(1);
        assertThat(result.success()).isTrue();
        assertThat(result.observed()).isEqualTo("all 1 in set");
    }

    @Test
    void longListsAreAbbreviated() {
        InSetConstraint codes = new InSetConstraint("code",
                IntStream.range(0, 12).mapToObj(i -> Rows.value("c" + i)).toList());

        ConstraintResult result = codes.evaluate(Rows.column("code", "x1", "x2", "x3", "x4", "x5", "x6", "x6"));

        assertThat(result.rowFailures().get(0).reason())
                .isEqualTo("code = \"x1\" is not one of c0, c1, c2, c3, c4, c5, c6, c7, c8, c9, … (2 more)");
        assertThat(result.observed()).isEqualTo("unexpected values: x6 ×2, x1 ×1, x2 ×1, x3 ×1, x4 ×1, … (1 more)");
    }

    @Test
    void mostlyToleratesAFractionOfFailures() {
        var rows = Rows.column("currency", "USD", "EUR", "GBP", "JPY");

        assertThat(new InSetConstraint("currency", CURRENCIES.valueSet(), 0.75).evaluate(rows).success()).isTrue();
        assertThat(new InSetConstraint("currency", CURRENCIES.valueSet(), 0.76).evaluate(rows).success()).isFalse();
    }

    @Test
    void anEmptyValueSetAdmitsNoValueAsInGreatExpectations() {
        var result = new InSetConstraint("c", List.of()).evaluate(Rows.column("c", "a", null, 1));

        assertThat(result.success()).isFalse();
        assertThat(result.rowFailures()).containsOnlyKeys(0, 2);
        assertThat(result.rowFailures().get(0).reason()).isEqualTo("c = \"a\" is not in the empty value_set");
    }

    @Test
    void aValueSetHoldsScalars() {
        assertThatThrownBy(() -> new InSetConstraint("c", Rows.values("a", Map.of("b", 1))))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new InSetConstraint("c", Rows.values("a", null)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("value_set must list strings, numbers or booleans");
    }
}
