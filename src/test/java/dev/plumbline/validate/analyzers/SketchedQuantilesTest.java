package dev.plumbline.validate.analyzers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.plumbline.validate.Rows;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Quantiles from the sketch stay within its relative accuracy of the exact ones, and merge like the batches. */
class SketchedQuantilesTest {

    private static final List<Double> LEVELS = List.of(0.0, 0.1, 0.25, 0.5, 0.75, 0.9, 0.99, 1.0);

    @Test
    void everyQuantileIsWithinTheSketchsRelativeAccuracyOfTheLowerExactValue() {
        double[] values = new Random(3).doubles(20_000).map(g -> Math.exp(3.5 + 2 * g) * (g < 0.2 ? -1 : 1))
                .toArray();
        List<JsonNode> rows = rows(values);
        List<Double> sketched = new SketchedQuantiles("x", LEVELS).calculate(rows).value();
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        for (int i = 0; i < LEVELS.size(); i++) {
            double exact = sorted[(int) Math.floor(LEVELS.get(i) * (sorted.length - 1))];
            assertThat(sketched.get(i)).as("quantile %s", LEVELS.get(i))
                    .isCloseTo(exact, within(Math.abs(exact) * SketchState.ACCURACY * 1.0001));
        }
    }

    @Test
    void zerosNegativesAndNonNumbersAreCountedAsTheyAre() {
        SketchedQuantiles analyzer = new SketchedQuantiles("x", List.of(0.0, 0.5, 1.0));
        Metric<List<Double>> metric = analyzer.calculate(Rows.column("x", -4.0, 0, 0, 2.5, 100));
        assertThat(metric.evaluated()).isEqualTo(5);
        assertThat(metric.value().get(0)).isCloseTo(-4.0, within(0.02));
        assertThat(metric.value().get(1)).isEqualTo(0.0);
        assertThat(metric.value().get(2)).isCloseTo(100.0, within(0.5));
        assertThat(analyzer.calculate(Rows.column("x", 1, "one")).problem()).contains("not numeric");
        assertThat(analyzer.calculate(Rows.column("x")).isDefined()).isFalse();
    }

    @Test
    void theMergedStatesOfTwoBatchesAreTheStateOfBothTogether() {
        SketchedQuantiles analyzer = new SketchedQuantiles("x", LEVELS);
        double[] first = new Random(5).doubles(3_000, 1, 500).toArray();
        double[] second = new Random(6).doubles(2_000, -20, 40).toArray();
        double[] both = Arrays.copyOf(first, first.length + second.length);
        System.arraycopy(second, 0, both, first.length, second.length);

        SketchState merged = analyzer.computeState(rows(first)).merge(analyzer.computeState(rows(second)));

        assertThat(merged).isEqualTo(analyzer.computeState(rows(both)));
        assertThat(analyzer.computeMetric(merged).value()).isEqualTo(analyzer.calculate(rows(both)).value());
    }

    private static List<JsonNode> rows(double[] values) {
        return Arrays.stream(values)
                .mapToObj(v -> (JsonNode) JsonNodeFactory.instance.objectNode().put("x", v)).toList();
    }
}
