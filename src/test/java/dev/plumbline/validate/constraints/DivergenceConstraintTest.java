package dev.plumbline.validate.constraints;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.plumbline.validate.ConstraintResult;
import dev.plumbline.validate.Rows;
import dev.plumbline.validate.analyzers.BinnedKsStatistic;
import dev.plumbline.validate.analyzers.CategoricalBaseline;
import dev.plumbline.validate.analyzers.JensenShannonDistance;
import dev.plumbline.validate.analyzers.NumericBaseline;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Jensen–Shannon distance and the KS statistic against a frozen baseline, as the contract picks them. */
class DivergenceConstraintTest {

    private static final NumericBaseline BASELINE = new NumericBaseline(List.of(10.0, 20.0), List.of(0.25, 0.5, 0.25),
            0.0);
    private static final JensenShannonDistance JS = new JensenShannonDistance("x", BASELINE);
    private static final BinnedKsStatistic KS = new BinnedKsStatistic("x", BASELINE);

    @Test
    void aBatchWithTheReferenceSharesIsAtDistanceZero() {
        assertThat(JS.calculate(Rows.column("x", 5, 15, 15, 25)).value()).isZero();
        assertThat(KS.calculate(Rows.column("x", 5, 15, 15, 25)).value()).isZero();
    }

    @Test
    void theJsDistanceOfAShiftedBatchIsTheSquareRootOfItsBaseTwoDivergence() {
        // shares 1/4, 1/4, 1/2 against 1/4, 1/2, 1/4: JSD = 1/4 ln(2/3) + 1/2 ln(4/3) nats
        double divergence = 0.25 * Math.log(2.0 / 3) + 0.5 * Math.log(4.0 / 3);
        ConstraintResult result = new DivergenceConstraint("expect_column_js_distance_to_be_less_than",
                "JS distance", "x", JS, 0.2, 8).evaluate(JS.calculate(Rows.column("x", 5, 10, 15, 20, 25, 25, 30, 99)));

        assertThat(result.observedValue().doubleValue()).isCloseTo(Math.sqrt(divergence / Math.log(2)), within(1e-12));
        assertThat(result.success()).isFalse();
        assertThat(result.observed()).isEqualTo("JS distance 0.247544 over 8 values, expected at most 0.2");
    }

    @Test
    void onlyNullsAgainstAReferenceWithoutNullsIsTheLargestDistance() {
        assertThat(JS.calculate(Rows.column("x", null, null)).value()).isCloseTo(1.0, within(1e-12));
    }

    @Test
    void theKsStatisticIsTheLargestGapOfCumulativeSharesAtTheEdges() {
        // cumulative at 10: 2/8 against 1/4; at 20: 4/8 against 3/4
        ConstraintResult result = new DivergenceConstraint("expect_column_ks_statistic_to_be_less_than",
                "KS statistic", "x", KS, 0.3, 8).evaluate(KS.calculate(Rows.column("x", 5, 10, 15, 20, 25, 25, 30, 99)));

        assertThat(result.observedValue().doubleValue()).isCloseTo(0.25, within(1e-12));
        assertThat(result.success()).isTrue();
    }

    @Test
    void theKsStatisticLeavesNullsOutOfBothSides() {
        NumericBaseline withNulls = new NumericBaseline(List.of(10.0), List.of(0.4, 0.4), 0.2);
        assertThat(new BinnedKsStatistic("x", withNulls).calculate(Rows.column("x", 1, 20, null, null, null)).value())
                .isCloseTo(0.0, within(1e-12));
    }

    @Test
    void jsComparesCategoriesWithTheUnseenOnesInTheirOwnSlot() {
        JensenShannonDistance channels = new JensenShannonDistance("c",
                new CategoricalBaseline(List.<Object>of("pos", "web"), List.of(0.5, 0.5), 0.0));
        assertThat(channels.calculate(Rows.column("c", "pos", "web")).value()).isZero();
        assertThat(channels.calculate(Rows.column("c", "pos", "web", "fax", "fax")).value()).isGreaterThan(0.4);
    }

    @Test
    void tooFewValuesAreInsufficientDataNotDrift() {
        ConstraintResult result = new DivergenceConstraint("expect_column_ks_statistic_to_be_less_than",
                "KS statistic", "x", KS, 0.1, 100).evaluate(KS.calculate(Rows.column("x", 99, 99)));

        assertThat(result.success()).isTrue();
        assertThat(result.observed()).isEqualTo("insufficient data: 2 of the 100 values KS statistic needs");
    }
}
