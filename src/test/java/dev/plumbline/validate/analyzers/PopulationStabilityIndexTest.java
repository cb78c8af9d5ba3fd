package dev.plumbline.validate.analyzers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import dev.plumbline.validate.Rows;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** PSI = Σ (aᵢ − eᵢ)·ln(aᵢ/eᵢ) against a frozen baseline, checked against sums worked out by hand. */
class PopulationStabilityIndexTest {

    private static final double EPSILON = PopulationStabilityIndex.DEFAULT_EPSILON;
    // (-∞, 10]: 25 %, (10, 20]: 50 %, (20, +∞): 25 %, no nulls
    private static final NumericBaseline QUARTERS = new NumericBaseline(List.of(10.0, 20.0),
            List.of(0.25, 0.5, 0.25), 0.0);

    @Test
    void numericPsiMatchesTheSumWorkedOutByHand() {
        // a = 2/8, 2/8, 4/8 (10 and 20 close their bins); the null bin, 0 against 0, adds (ε−ε)·ln 1 = 0
        List<JsonNode> rows = Rows.column("x", 5, 10.0, 15, 20, 25, 25, 30, 99);
        double byHand = (0.25 - 0.25) * Math.log(0.25 / 0.25) + (0.25 - 0.5) * Math.log(0.25 / 0.5)
                + (0.5 - 0.25) * Math.log(0.5 / 0.25);
        Metric<Double> psi = new PopulationStabilityIndex("x", QUARTERS).calculate(rows);

        assertThat(byHand).isCloseTo(0.3466, within(1e-4));
        assertThat(psi.value()).isCloseTo(byHand, within(1e-12));
        assertThat(psi.evaluated()).isEqualTo(8);
    }

    @Test
    void aBatchShapedLikeTheBaselineHasAPsiOfZero() {
        List<JsonNode> rows = Rows.column("x", 1, 11, 12, 21);

        assertThat(new PopulationStabilityIndex("x", QUARTERS).calculate(rows).value()).isCloseTo(0.0, within(1e-12));
    }

    @Test
    void nullsHaveTheirOwnBinAndEmptySharesAreSmoothedByEpsilon() {
        // a = 1/4, 1/4, 1/4 and nulls 1/4 against e = 0.25, 0.5, 0.25 and 0 → ε
        List<JsonNode> rows = Rows.column("x", 1, 11, 21, null);
        double byHand = (0.25 - 0.5) * Math.log(0.25 / 0.5) + (0.25 - EPSILON) * Math.log(0.25 / EPSILON);

        assertThat(new PopulationStabilityIndex("x", QUARTERS).calculate(rows).value())
                .isCloseTo(byHand, within(1e-12)).isCloseTo(2.1285, within(1e-4));
    }

    @Test
    void categoriesOutsideTheBaselineFallIntoTheUnseenBin() {
        CategoricalBaseline channels = new CategoricalBaseline(List.of("web", "mobile"), List.of(0.5, 0.4), 0.1);
        List<JsonNode> rows = Rows.column("channel", "web", "web", "mobile", "pos", null);
        // a = 0.4, 0.2, unseen 0.2, null 0.2; e = 0.5, 0.4, ε, 0.1
        double byHand = (0.4 - 0.5) * Math.log(0.4 / 0.5) + (0.2 - 0.4) * Math.log(0.2 / 0.4)
                + (0.2 - EPSILON) * Math.log(0.2 / EPSILON) + (0.2 - 0.1) * Math.log(0.2 / 0.1);

        assertThat(new PopulationStabilityIndex("channel", channels).calculate(rows).value())
                .isCloseTo(byHand, within(1e-12)).isCloseTo(1.7497, within(1e-4));
        assertThat(channels.labels()).containsExactly("web", "mobile", "(unseen)", "null");
    }

    @Test
    void duplicateEdgesMergeTheirBinsAndOuterEdgesAreOpen() {
        // quantile edges of a reference that is 30 % zeros: (-∞,0] takes the three deciles at 0
        NumericBaseline merged = new NumericBaseline(List.of(0.0, 0.0, 0.0, 5.0), List.of(0.1, 0.1, 0.1, 0.35, 0.35),
                0.0);

        assertThat(merged.edges()).containsExactly(0.0, 5.0);
        assertThat(merged.shares()).containsExactly(0.30000000000000004, 0.35, 0.35);
        assertThatThrownBy(() -> new NumericBaseline(List.of(), List.of(1.0), 0.0)).hasMessageContaining("at least one edge");
        assertThat(merged.labels()).containsExactly("(-∞, 0.0]", "(0.0, 5.0]", "(5.0, +∞)", "null");
        PsiBaseline.Binner binner = merged.binner();
        assertThat(List.of(-1e9, 0.0, 0.5, 5.0, 1e9)).extracting(x -> binner.slotOf(Rows.value(x)))
                .containsExactly(0, 0, 1, 1, 2);
    }

    @Test
    void aBaselineFromReferenceQuantilesHasTenBinsOfTenPercent() {
        List<Double> reference = new ArrayList<>();
        for (int i = 1; i <= 1000; i++) {
            reference.add((double) i);
        }
        NumericBaseline deciles = NumericBaseline.ofQuantiles(reference, 0, 10);

        assertThat(deciles.edges()).hasSize(9).first().isEqualTo(100.9);
        assertThat(deciles.shares()).hasSize(10).allSatisfy(share -> assertThat(share).isCloseTo(0.1, within(1e-9)));
        assertThat(deciles.nullShare()).isZero();
    }

    @Test
    void textInANumericColumnLeavesThePsiUndefined() {
        Metric<Double> psi = new PopulationStabilityIndex("x", QUARTERS).calculate(Rows.column("x", 1, "two", 3));

        assertThat(psi.isDefined()).isFalse();
        assertThat(psi.problem()).isEqualTo("1 of 3 values do not fit the baseline (not numbers)");
    }

    @Test
    void baselinesWhoseSharesDoNotSumToOneAreRefused() {
        assertThatThrownBy(() -> new NumericBaseline(List.of(1.0), List.of(0.5, 0.4), 0.0))
                .hasMessageContaining("must sum to 1");
        assertThatThrownBy(() -> new NumericBaseline(List.of(1.0), List.of(1.0), 0.0))
                .hasMessageContaining("one share more than edges");
        assertThatThrownBy(() -> new CategoricalBaseline(List.of("a", "a"), List.of(0.5, 0.5), 0.0))
                .hasMessageContaining("distinct");
    }
}
