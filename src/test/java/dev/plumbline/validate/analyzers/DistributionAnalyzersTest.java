package dev.plumbline.validate.analyzers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import dev.plumbline.validate.Rows;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class DistributionAnalyzersTest {

    private static final CategoricalPartition A_B = new CategoricalPartition(List.of("a", "b"), List.of(0.6, 0.4));
    private static final List<JsonNode> A_A_B_C = Rows.column("x", "a", "a", "b", "c");

    @Test
    void categoricalKlDivergenceSetsTheTailHoldoutAsideForUnlistedCategories() {
        // observed a .5, b .25, c .25 against a .54, b .36, c .1
        double expected = 0.5 * Math.log(0.5 / 0.54) + 0.25 * Math.log(0.25 / 0.36) + 0.25 * Math.log(0.25 / 0.1);

        assertThat(new CategoricalKlDivergence("x", A_B, 0.1).calculate(A_A_B_C).value())
                .isCloseTo(expected, within(1e-15));
    }

    @Test
    void anUnlistedCategoryWithoutHoldoutMakesTheDivergenceInfinite() {
        assertThat(new CategoricalKlDivergence("x", A_B, 0.0).calculate(A_A_B_C).problem())
                .isEqualTo("infinite: the batch has values where the reference has no weight");
    }

    @Test
    void continuousKlDivergenceIsZeroForABatchMatchingItsReference() {
        ContinuousPartition quarters = new ContinuousPartition(List.of(Double.NEGATIVE_INFINITY, 0.0, 1.0, 2.0, 3.0),
                List.of(0.25, 0.25, 0.25, 0.25), null);

        assertThat(new ContinuousKlDivergence("x", quarters, 0, 0).calculate(Rows.column("x", -0.5, 0.5, 1.5, 2.5,
                null))).isEqualTo(Metric.of(0.0, 4));
    }

    @Test
    void tailWeightHoldoutIsRefusedForAPartitionInfiniteAtBothEnds() {
        ContinuousPartition open = new ContinuousPartition(List.of(Double.NEGATIVE_INFINITY, 0.0,
                Double.POSITIVE_INFINITY), List.of(0.5, 0.5), null);

        assertThatThrownBy(() -> new ContinuousKlDivergence("x", open, 0, 0.1))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void chiSquareOfCountsMatchingTheReferenceHasPValueOne() {
        CategoricalPartition reference = new CategoricalPartition(List.of("A", "B"), List.of(0.75, 0.25));

        assertThat(new ChiSquareTest("x", reference, 0).calculate(Rows.column("x", "A", "A", "B", "A")).value())
                .isEqualTo(1.0);
    }

    @Test
    void chiSquarePValueMatchesScipyForTwoCategories() {
        // statistic (6-5)²/5 + (4-5)²/5 = 0.4 on one degree of freedom; scipy: 0.5270892568655381
        CategoricalPartition even = new CategoricalPartition(List.of("A", "B"), List.of(0.5, 0.5));
        List<JsonNode> rows = Rows.column("x", "A", "A", "A", "A", "A", "A", "B", "B", "B", "B");

        assertThat(new ChiSquareTest("x", even, 0).calculate(rows).value()).isCloseTo(0.5270892568655381,
                within(1e-12));
    }

    @Test
    void ksTestAcceptsASampleOfItsOwnDistributionAndRejectsAShiftedOne() {
        List<Object> uniform = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            uniform.add((i + 0.5) / 200);
        }
        List<JsonNode> rows = Rows.column("x", uniform.toArray());

        assertThat(new KolmogorovSmirnovTest("x", new Distribution("uniform", List.of(0.0, 1.0))).calculate(rows)
                .value()).isGreaterThan(0.99);
        assertThat(new KolmogorovSmirnovTest("x", new Distribution("uniform", List.of(0.2, 1.0))).calculate(rows)
                .value()).isLessThan(1e-3);
    }

    @Test
    void cramersPhiIsOneForAColumnAgainstItselfAndZeroForIndependentColumns() {
        List<JsonNode> rows = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            rows.add(Rows.parse("{'a': " + (i % 4) + ", 'b': " + (i / 4) + "}"));
        }
        Binning tenBins = new Binning(null, null, 10);

        assertThat(new CramersPhi("a", "a", tenBins, tenBins).calculate(rows).value()).isEqualTo(1.0);
        assertThat(new CramersPhi("a", "b", tenBins, tenBins).calculate(rows).value()).isEqualTo(0.0);
    }

    @Test
    void distributionalStatesMergeExactly() {
        List<JsonNode> left = Rows.column("x", "a", "b", null, "c");
        List<JsonNode> right = Rows.column("x", "a", "a", "b");
        assertMerge(new CategoricalKlDivergence("x", A_B, 0.2), left, right);
        assertMerge(new ChiSquareTest("x", A_B, 0.2), left, right);
        ContinuousPartition bins = new ContinuousPartition(List.of(0.0, 1.0, 2.0), List.of(0.5, 0.5), null);
        assertMerge(new ContinuousKlDivergence("x", bins, 0, 0.1), Rows.column("x", 0.5, 1.5, 3),
                Rows.column("x", -1, 1.0, 2.0));
        assertMerge(new KolmogorovSmirnovTest("x", new Distribution("norm", List.of(0.0, 1.0))),
                Rows.column("x", -1, 0.3), Rows.column("x", 0.1, 2));
        Binning twoBins = new Binning(null, null, 2);
        assertMerge(new CramersPhi("a", "b", twoBins, twoBins),
                Rows.json("{'a': 1, 'b': 'x'}", "{'a': 2, 'b': 'y'}", "{'a': 1}"),
                Rows.json("{'a': 2, 'b': 'x'}", "{'a': 1, 'b': 'x'}", "{'b': 'y'}"));
    }

    private static <S extends State<S>, M> void assertMerge(Analyzer<S, M> analyzer, List<JsonNode> a,
            List<JsonNode> b) {
        List<JsonNode> all = new ArrayList<>(a);
        all.addAll(b);
        assertThat(analyzer.computeMetric(analyzer.computeState(a).merge(analyzer.computeState(b))))
                .isEqualTo(analyzer.calculate(all));
    }
}
