package dev.plumbline.validate.analyzers;

import static org.assertj.core.api.Assertions.assertThat;

import dev.plumbline.validate.Rows;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class FrequencyAnalyzersTest {

    @Test
    void frequenciesCountEqualNumbersTogetherAndOrderNumbersBeforeText() {
        var rows = Rows.json("{'x': 'b'}", "{'x': 1}", "{'x': 1.0}", "{'x': null}", "{'x': 'a'}", "{'x': true}");

        var counts = new Frequencies("x").calculate(rows);

        assertThat(counts.evaluated()).isEqualTo(5);
        assertThat(counts.value().keySet()).containsExactly(BigDecimal.ONE, "a", "b", true);
        assertThat(counts.value().get(BigDecimal.ONE)).isEqualTo(2);
    }

    @Test
    void countDistinctAndUniqueProportionIgnoreNulls() {
        var rows = Rows.column("x", 2, 2, 2, 2, 5, 6, 7, 8, null);

        assertThat(new CountDistinct("x").calculate(rows)).isEqualTo(Metric.of(5L, 8));
        assertThat(new UniqueProportion("x").calculate(rows)).isEqualTo(Metric.of(0.625, 8));
    }

    @Test
    void uniqueProportionOfAnEmptyColumnIsUndefined() {
        assertThat(new UniqueProportion("x").calculate(Rows.column("x", (Object) null)).isDefined()).isFalse();
    }
}
