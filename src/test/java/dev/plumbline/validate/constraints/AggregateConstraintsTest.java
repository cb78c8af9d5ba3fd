package dev.plumbline.validate.constraints;

import static org.assertj.core.api.Assertions.assertThat;

import dev.plumbline.validate.ConstraintResult;
import dev.plumbline.validate.Rows;
import dev.plumbline.validate.analyzers.Interpolation;
import dev.plumbline.validate.analyzers.Maximum;
import dev.plumbline.validate.analyzers.Mean;
import dev.plumbline.validate.analyzers.QuantileValues;
import dev.plumbline.validate.constraints.DistinctValuesConstraint.Relation;
import java.util.List;
import org.junit.jupiter.api.Test;

class AggregateConstraintsTest {

    private static Bounds bounds(Object min, Object max) {
        return new Bounds(min == null ? null : Rows.value(min), max == null ? null : Rows.value(max), false, false);
    }

    @Test
    void aMetricWithinBoundsSucceedsWithASummaryForADashboard() {
        ConstraintResult result = new MetricBetweenConstraint("expect_column_mean_to_be_between", "amount", "mean",
                new Mean("amount"), bounds(0, 100)).evaluate(Rows.column("amount", 40, 42.4, null));

        assertThat(result.success()).isTrue();
        assertThat(result.observed()).isEqualTo("mean 41.2, expected 0 to 100");
        assertThat(result.observedValue()).isEqualTo(Rows.value(41.2));
        assertThat(result.evaluated()).isEqualTo(2);
        assertThat(result.unexpected()).isZero();
        assertThat(result.rowFailures()).isEmpty();
    }

    @Test
    void strictBoundsExcludeThemselves() {
        var rows = Rows.column("x", 1, 5);
        Bounds strict = new Bounds(null, Rows.value(5), false, true);

        ConstraintResult result = new MetricBetweenConstraint("expect_column_max_to_be_between", "x", "max",
                new Maximum("x"), strict).evaluate(rows);

        assertThat(result.success()).isFalse();
        assertThat(result.observed()).isEqualTo("max 5, expected below 5");
        assertThat(result.unexpected()).isEqualTo(1);
    }

    @Test
    void anEmptyColumnFailsWithNoObservedValue() {
        ConstraintResult result = new MetricBetweenConstraint("expect_column_max_to_be_between", "x", "max",
                new Maximum("x"), bounds(0, 0)).evaluate(Rows.column("x", (Object) null));

        assertThat(result.success()).isFalse();
        assertThat(result.observedValue()).isNull();
        assertThat(result.observed()).isEqualTo("max unknown: no non-null values");
    }

    @Test
    void quantilesReportTheRangesTheyMissed() {
        QuantileValues quartiles = new QuantileValues("x", List.of(0.5, 1.0), Interpolation.NEAREST);
        ConstraintResult result = new QuantileValuesConstraint("x", quartiles, List.of(bounds(2, 3), bounds(10, null)))
                .evaluate(Rows.column("x", 1, 2, 3, 4, 5));

        assertThat(result.success()).isFalse();
        assertThat(result.observed()).isEqualTo("1 of 2 quantiles out of range: q1 = 5 (expected at least 10)");
        assertThat(result.observedValue()).isEqualTo(Rows.parse("{'quantiles': [0.5, 1.0], 'values': [3.0, 5.0]}"));
    }

    @Test
    void distinctValuesInSetNameTheValuesOutsideIt() {
        ConstraintResult result = new DistinctValuesConstraint("c", Relation.IN_SET, Rows.values("USD", "EUR"))
                .evaluate(Rows.column("c", "USD", "JPY", "USD", null, "GBP"));

        assertThat(result.success()).isFalse();
        assertThat(result.observedValue()).isEqualTo(Rows.value(List.of("GBP", "JPY", "USD")));
        assertThat(result.observed()).isEqualTo("3 distinct values; not in set: GBP, JPY");
    }

    @Test
    void distinctValuesContainAndEqualTheSetNumericallyAcrossNotations() {
        var rows = Rows.json("{'x': 1}", "{'x': 2.0}", "{'x': 2}");

        assertThat(new DistinctValuesConstraint("x", Relation.CONTAIN_SET, Rows.values(2)).evaluate(rows).success())
                .isTrue();
        assertThat(new DistinctValuesConstraint("x", Relation.EQUAL_SET, Rows.values(1, 2.0)).evaluate(rows)
                .success()).isTrue();
        ConstraintResult missing = new DistinctValuesConstraint("x", Relation.EQUAL_SET, Rows.values(1, 3))
                .evaluate(rows);
        assertThat(missing.observed()).isEqualTo("2 distinct values; not in set: 2; missing from batch: 3");
    }

    @Test
    void aNullValueSetIsTheUniversalSetForInSet() {
        assertThat(new DistinctValuesConstraint("x", Relation.IN_SET, null).evaluate(Rows.column("x", 1, "a"))
                .success()).isTrue();
    }

    @Test
    void aTieForMostCommonFailsUnlessTiesAreOkay() {
        var rows = Rows.column("x", 1, 1, 2, 2, 3, null, null, null);

        ConstraintResult strict = new MostCommonValueConstraint("x", Rows.values(1, 2), false).evaluate(rows);
        ConstraintResult tiesOkay = new MostCommonValueConstraint("x", Rows.values(2), true).evaluate(rows);

        assertThat(strict.success()).isFalse();
        assertThat(strict.observed()).isEqualTo("tied most common values 1, 2 (2 of 5), a tie is not allowed");
        assertThat(strict.observedValue()).isEqualTo(Rows.value(List.of(1, 2)));
        assertThat(tiesOkay.success()).isTrue();
    }
}
