package dev.plumbline.monitor.drift;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.plumbline.featurestore.FeatureDriftReading;
import dev.plumbline.validate.FrozenBaseline;
import dev.plumbline.validate.analyzers.PsiBaseline;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.DoubleUnaryOperator;
import org.junit.jupiter.api.Test;

/**
 * A feature's PSI against a baseline frozen from a reference of its values: the same distribution stays under the
 * 0.1 band, amounts converted from dollars to euros (×0.9) pass 0.2, and a small sample is no verdict.
 */
class FeatureDriftTest {

    static final String FEATURE = "avg_amount_1d";
    static final Instant AT = Instant.parse("2026-12-07T10:00:00Z");

    @Test
    void freshValuesOfTheSameDistributionStayUnderTheModerateBand() {
        FeatureDriftReading reading = drift(10).measure(rows(new Random(2), 400, x -> x), AT.minusSeconds(300), AT);

        assertThat(reading.status()).isEqualTo(FeatureDriftReading.MEASURED);
        assertThat(reading.sample()).isEqualTo(400);
        assertThat(reading.psi()).isLessThan(0.1);
    }

    @Test
    void amountsConvertedToEurosPassTheSignificantBand() {
        FeatureDriftReading reading = drift(10).measure(rows(new Random(3), 400, x -> x * 0.9), AT.minusSeconds(300),
                AT);

        assertThat(reading.psi()).isGreaterThan(0.2);
        assertThat(reading.detail()).startsWith("PSI ").endsWith("over 400 values");
    }

    @Test
    void fewerValuesThanTheMinimumAreInsufficientDataNotDrift() {
        FeatureDriftReading reading = drift(100).measure(rows(new Random(4), 99, x -> x * 10), AT.minusSeconds(300),
                AT);

        assertThat(reading.status()).isEqualTo(FeatureDriftReading.INSUFFICIENT);
        assertThat(reading.psi()).isNull();
        assertThat(reading.measured()).isFalse();
        assertThat(reading.detail()).isEqualTo("99 of the 100 values PSI needs");
    }

    @Test
    void nullsAndTextAreCountedAsTheContractRuleCountsThem() {
        List<JsonNode> rows = rows(new Random(5), 150, x -> x);
        for (int i = 0; i < 150; i++) {
            rows.add(JsonNodeFactory.instance.objectNode().putNull(FEATURE));
        }
        FeatureDriftReading nulls = drift(100).measure(rows, AT, AT);
        assertThat(nulls.sample()).isEqualTo(300);
        assertThat(nulls.psi()).as("half the values null, against a reference without nulls").isGreaterThan(1);

        rows.add(JsonNodeFactory.instance.objectNode().put(FEATURE, "n/a"));
        FeatureDriftReading text = drift(100).measure(rows, AT, AT);
        assertThat(text.status()).isEqualTo(FeatureDriftReading.UNDEFINED);
        assertThat(text.detail()).contains("do not fit the baseline");
    }

    @Test
    void aNewCategoryFallsIntoTheUnseenSlot() {
        ReferenceBaseline reference = new ReferenceBaseline(ReferenceBaseline.Kind.CATEGORICAL, 10);
        for (int i = 0; i < 300; i++) {
            reference.add(JsonNodeFactory.instance.textNode(i % 3 == 0 ? "EUR" : "USD"), "row " + i);
        }
        PsiBaseline baseline = FrozenBaseline.read(reference.toKwarg());
        List<JsonNode> rows = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            rows.add(JsonNodeFactory.instance.objectNode().put("last_currency", i % 3 == 0 ? "GBP" : "USD"));
        }

        FeatureDriftReading reading = new FeatureDrift("last_currency", baseline, 100, 1e-4).measure(rows, AT, AT);

        assertThat(reading.psi()).isGreaterThan(1);
    }

    @Test
    void aStoredBaselineThatDoesNotAddUpIsRefused() {
        ObjectNode broken = JsonNodeFactory.instance.objectNode();
        broken.putArray("edges").add(1.0).add(2.0);
        broken.putArray("shares").add(0.5).add(0.5).add(0.5);

        assertThatThrownBy(() -> FrozenBaseline.read(broken)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("must sum to 1");
    }

    /** Quantile bins of 1,000 reference averages around 50 with a spread of 3 (per-order averages in dollars). */
    static FeatureDrift drift(long minSample) {
        ReferenceBaseline reference = new ReferenceBaseline(ReferenceBaseline.Kind.NUMERIC, 10);
        rows(new Random(1), 1000, x -> x).forEach(row -> reference.add(row.get(FEATURE), "reference"));
        return new FeatureDrift(FEATURE, FrozenBaseline.read(reference.toKwarg()), minSample, 1e-4);
    }

    static List<JsonNode> rows(Random random, int n, DoubleUnaryOperator shift) {
        List<JsonNode> rows = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            rows.add(JsonNodeFactory.instance.objectNode().put(FEATURE, shift.applyAsDouble(50 + 3 * random.nextGaussian())));
        }
        return rows;
    }
}
