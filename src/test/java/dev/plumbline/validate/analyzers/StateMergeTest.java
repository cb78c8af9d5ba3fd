package dev.plumbline.validate.analyzers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import dev.plumbline.validate.Rows;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** metric(merge(state(a), state(b))) equals metric(state(a ∪ b)) for every analyzer. */
class StateMergeTest {

    private static final List<JsonNode> A = Rows.column("x", 3, 1.5, null, 7, -2, Rows.MISSING, 7, 4.25);
    private static final List<JsonNode> B = Rows.column("x", 10, null, 0.5, 7, 7, -3);
    private static final List<JsonNode> WORDS_A = Rows.column("x", "b", "a", "b", null);
    private static final List<JsonNode> WORDS_B = Rows.column("x", "c", "b", "a", "a", "a");

    private static <S extends State<S>, M> void assertExactMerge(Analyzer<S, M> analyzer, List<JsonNode> a,
            List<JsonNode> b) {
        Metric<M> merged = analyzer.computeMetric(analyzer.computeState(a).merge(analyzer.computeState(b)));
        assertThat(merged).isEqualTo(analyzer.calculate(union(a, b)));
        Metric<M> reversed = analyzer.computeMetric(analyzer.computeState(b).merge(analyzer.computeState(a)));
        assertThat(reversed).isEqualTo(merged);
    }

    @Test
    void minimumMaximumAndSumMergeExactly() {
        assertExactMerge(new Minimum("x"), A, B);
        assertExactMerge(new Maximum("x"), A, B);
        assertExactMerge(new Minimum("x"), WORDS_A, WORDS_B);
        assertExactMerge(new Sum("x"), A, B);
        assertThat(new Sum("x").computeMetric(new Sum("x").computeState(A).merge(new Sum("x").computeState(B)))
                .value()).isEqualByComparingTo("42.25");
    }

    @Test
    void meanMergesExactlyThroughSumAndCount() {
        assertExactMerge(new Mean("x"), A, B);
    }

    @Test
    void medianAndQuantilesMergeExactlyThroughRetainedValues() {
        assertExactMerge(new Median("x"), A, B);
        assertExactMerge(new QuantileValues("x", List.of(0.0, 0.1, 0.5, 0.9, 1.0), Interpolation.NEAREST), A, B);
        assertExactMerge(new QuantileValues("x", List.of(0.25, 0.75), Interpolation.LINEAR), A, B);
    }

    @Test
    void frequencyAnalyzersMergeExactly() {
        assertExactMerge(new Frequencies("x"), WORDS_A, WORDS_B);
        assertExactMerge(new Frequencies("x"), A, B);
        assertExactMerge(new CountDistinct("x"), A, B);
        assertExactMerge(new UniqueProportion("x"), WORDS_A, WORDS_B);
    }

    @Test
    void mergingAnEmptyBatchChangesNothing() {
        List<JsonNode> empty = Rows.column("x", null, Rows.MISSING);
        assertExactMerge(new Mean("x"), A, empty);
        assertExactMerge(new StandardDeviation("x"), empty, A);
        assertExactMerge(new Maximum("x"), empty, B);
    }

    @Test
    void standardDeviationMergesWithinRoundingThroughChansFormula() {
        Random random = new Random(7);
        List<Object> left = new ArrayList<>();
        List<Object> right = new ArrayList<>();
        for (int i = 0; i < 5_000; i++) {
            left.add(1e6 + random.nextGaussian() * 3);
            right.add(1e6 + 5 + random.nextGaussian());
        }
        StandardDeviation stdev = new StandardDeviation("x");
        List<JsonNode> a = Rows.column("x", left.toArray());
        List<JsonNode> b = Rows.column("x", right.toArray());

        double merged = stdev.computeMetric(stdev.computeState(a).merge(stdev.computeState(b))).value();
        double whole = stdev.calculate(union(a, b)).value();

        // offset values (mean 1e6, spread 3) make rounding visible; both stay within 1e-9 of each other
        assertThat(merged).isCloseTo(whole, within(whole * 1e-9));
        assertThat(stdev.computeMetric(stdev.computeState(a).merge(stdev.computeState(b))).evaluated())
                .isEqualTo(10_000);
    }

    @Test
    void windowsMergeStatesOfManyPartitions() {
        Mean mean = new Mean("x");
        SumState window = mean.computeState(List.of());
        for (int i = 0; i < 10; i++) {
            window = window.merge(mean.computeState(Rows.column("x", i, i + 0.5)));
        }
        assertThat(mean.computeMetric(window)).isEqualTo(Metric.of(4.75, 20));
    }

    private static List<JsonNode> union(List<JsonNode> a, List<JsonNode> b) {
        List<JsonNode> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }

    @Test
    void psiStatesOfTwoHalfBatchesMergeIntoTheStateOfTheWholeBatch() {
        PopulationStabilityIndex psi = new PopulationStabilityIndex("x", new NumericBaseline(List.of(0.0, 5.0),
                List.of(0.3, 0.4, 0.2), 0.1));
        PopulationStabilityIndex words = new PopulationStabilityIndex("x", new CategoricalBaseline(List.of("a", "b"),
                List.of(0.5, 0.5), 0.0));

        assertThat(psi.computeState(A).merge(psi.computeState(B))).isEqualTo(psi.computeState(union(A, B)));
        assertThat(words.computeState(WORDS_A).merge(words.computeState(WORDS_B)))
                .isEqualTo(words.computeState(union(WORDS_A, WORDS_B)));
        assertExactMerge(psi, A, B);
        assertExactMerge(words, WORDS_A, WORDS_B);
    }

    @Test
    void sumStatesOfTwoHalfBatchesMergeIntoTheStateOfTheWholeBatch() {
        assertThat(new Mean("x").computeState(A).merge(new Mean("x").computeState(B)))
                .isEqualTo(new Mean("x").computeState(union(A, B)));
    }
}
