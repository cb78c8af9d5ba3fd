package dev.plumbline.validate.analyzers;

import static org.assertj.core.api.Assertions.assertThat;

import dev.plumbline.validate.Rows;
import java.util.List;
import org.junit.jupiter.api.Test;

class NumericAnalyzersTest {

    @Test
    void minimumAndMaximumCompareNumbersNumericallyAndSkipNulls() {
        var rows = Rows.json("{'x': 10}", "{'x': 9.5}", "{'x': null}", "{}", "{'x': 100}");

        assertThat(new Minimum("x").calculate(rows)).isEqualTo(Metric.of(Rows.value(9.5), 3));
        assertThat(new Maximum("x").calculate(rows)).isEqualTo(Metric.of(Rows.value(100), 3));
    }

    @Test
    void isoTimestampsOrderLexically() {
        var rows = Rows.column("ts", "2000-01-01T12:00:01", "2001-01-01T12:00:01", "1999-12-31T12:00:01");

        assertThat(new Maximum("ts").calculate(rows).value()).isEqualTo(Rows.value("2001-01-01T12:00:01"));
        assertThat(new Minimum("ts").calculate(rows).value()).isEqualTo(Rows.value("1999-12-31T12:00:01"));
    }

    @Test
    void numbersAndStringsMixedHaveNoExtreme() {
        Metric<?> max = new Maximum("x").calculate(Rows.column("x", 1, "2"));

        assertThat(max.isDefined()).isFalse();
        assertThat(max.problem()).isEqualTo("the column mixes numbers and strings, which do not order together");
    }

    @Test
    void anEmptyColumnHasNoMetric() {
        assertThat(new Mean("x").calculate(Rows.column("x", null, null)))
                .isEqualTo(Metric.undefined(0, "no non-null values"));
        assertThat(new Minimum("x").calculate(List.of())).isEqualTo(Metric.undefined(0, "no non-null values"));
    }

    @Test
    void sumIsExactInDecimals() {
        assertThat(new Sum("amount").calculate(Rows.json("{'amount': 0.1}", "{'amount': 0.2}")).value())
                .isEqualByComparingTo("0.3");
    }

    @Test
    void meanCountsBooleansAsOneAndZeroLikePandas() {
        assertThat(new Mean("b").calculate(Rows.column("b", true, false, null, true))).isEqualTo(
                Metric.of(2.0 / 3, 3));
    }

    @Test
    void meanOfTextIsUndefined() {
        assertThat(new Mean("s").calculate(Rows.column("s", "s", 1, null)))
                .isEqualTo(Metric.undefined(1, "1 of 2 non-null values are not numeric"));
    }

    @Test
    void standardDeviationIsTheSampleOneLikePandas() {
        assertThat(new StandardDeviation("x").calculate(Rows.column("x", 1, 1, 3)).value())
                .isEqualTo(1.1547005383792517);
        assertThat(new StandardDeviation("x").calculate(Rows.column("x", -1, 1, null)).value())
                .isEqualTo(Math.sqrt(2));
    }

    @Test
    void standardDeviationOfOneValueIsUndefined() {
        assertThat(new StandardDeviation("x").calculate(Rows.column("x", 5)).problem())
                .isEqualTo("a sample standard deviation needs two or more values");
    }

    @Test
    void medianAveragesTheTwoMiddleValuesOfAnEvenCount() {
        assertThat(new Median("x").calculate(Rows.column("x", 4, 1, 3, 2)).value()).isEqualTo(2.5);
        assertThat(new Median("x").calculate(Rows.column("x", 5, 7, 6, null)).value()).isEqualTo(6.0);
    }

    @Test
    void quantilesFollowPandasInterpolation() {
        var rows = Rows.column("x", 1, 2, 3, 4);
        List<Double> quartiles = List.of(0.0, 0.25, 0.5, 0.75, 1.0);

        assertThat(new QuantileValues("x", quartiles, Interpolation.LINEAR).calculate(rows).value())
                .containsExactly(1.0, 1.75, 2.5, 3.25, 4.0);
        assertThat(new QuantileValues("x", quartiles, Interpolation.LOWER).calculate(rows).value())
                .containsExactly(1.0, 1.0, 2.0, 3.0, 4.0);
        assertThat(new QuantileValues("x", quartiles, Interpolation.HIGHER).calculate(rows).value())
                .containsExactly(1.0, 2.0, 3.0, 4.0, 4.0);
        assertThat(new QuantileValues("x", quartiles, Interpolation.MIDPOINT).calculate(rows).value())
                .containsExactly(1.0, 1.5, 2.5, 3.5, 4.0);
        // positions 0.75, 1.5 and 2.25 round half to even, as numpy does
        assertThat(new QuantileValues("x", quartiles, Interpolation.NEAREST).calculate(rows).value())
                .containsExactly(1.0, 2.0, 3.0, 3.0, 4.0);
    }
}
