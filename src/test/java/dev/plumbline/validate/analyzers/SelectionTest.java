package dev.plumbline.validate.analyzers;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

class SelectionTest {

    @Test
    void selectsWhatSortingPutsAtEachPositionWithManyRepeatedValues() {
        Random random = new Random(7);
        for (int trial = 0; trial < 200; trial++) {
            double[] values = random.doubles(1 + random.nextInt(60), -5, 5).map(Math::rint).toArray();
            double[] sorted = values.clone();
            Arrays.sort(sorted);
            int k = random.nextInt(values.length);

            assertThat(Selection.select(values.clone(), k)).isEqualTo(sorted[k]);
        }
    }

    @Test
    void medianIsTheMiddleValueOrTheMeanOfTheTwoMiddleOnesAndLeavesTheValuesAlone() {
        double[] even = {4, 1, 3, 2};

        assertThat(Selection.median(even)).isEqualTo(2.5);
        assertThat(even).containsExactly(4, 1, 3, 2);
        assertThat(Selection.median(new double[] {5, 1, 5, 2, 9})).isEqualTo(5);
        assertThat(Selection.median(new double[] {7})).isEqualTo(7);
    }
}
