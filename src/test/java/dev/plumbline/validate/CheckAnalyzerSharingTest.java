package dev.plumbline.validate;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.plumbline.validate.analyzers.Analyzer;
import dev.plumbline.validate.analyzers.AnalyzerStates;
import dev.plumbline.validate.analyzers.Mean;
import dev.plumbline.validate.analyzers.Metric;
import dev.plumbline.validate.analyzers.SumState;
import dev.plumbline.validate.constraints.Bounds;
import dev.plumbline.validate.constraints.MetricBetweenConstraint;
import dev.plumbline.validate.constraints.NotNullConstraint;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class CheckAnalyzerSharingTest {

    private static final AtomicInteger SCANS = new AtomicInteger();

    /** A mean that counts how often it scans a batch. */
    record CountingMean(String column) implements Analyzer<SumState, Double> {
        @Override
        public SumState computeState(List<JsonNode> rows) {
            SCANS.incrementAndGet();
            return new Mean(column).computeState(rows);
        }

        @Override
        public Metric<Double> computeMetric(SumState state) {
            return new Mean(column).computeMetric(state);
        }
    }

    private static MetricBetweenConstraint meanBetween(Analyzer<?, ?> analyzer, int min, int max) {
        return new MetricBetweenConstraint("expect_column_mean_to_be_between", "amount", "mean", analyzer,
                new Bounds(Rows.value(min), Rows.value(max), false, false));
    }

    @Test
    void constraintsOnEqualAnalyzersShareOneStatePerBatch() {
        SCANS.set(0);
        Check check = new Check("amounts", List.of(
                meanBetween(new CountingMean("amount"), 0, 100),
                new NotNullConstraint("amount"),
                meanBetween(new CountingMean("amount"), 50, 60)));

        VerificationResult result = check.run(Rows.column("amount", 10, 20, null));

        assertThat(SCANS.get()).isEqualTo(1);
        assertThat(result.constraintResults()).extracting(ConstraintResult::success).containsExactly(true, false,
                false);
        assertThat(result.constraintResults().get(2).observed()).isEqualTo("mean 15, expected 50 to 60");
    }

    @Test
    void aggregateConstraintsFailTheBatchWithoutQuarantiningRows() {
        Check check = new Check("amounts", List.of(meanBetween(new Mean("amount"), 50, 60)));

        VerificationResult result = check.run(Rows.column("amount", 10, 20));

        assertThat(result.success()).isFalse();
        assertThat(result.failuresByRow()).isEmpty();
        assertThat(result.constraintResults().get(0).unexpected()).isEqualTo(1);
        assertThat(result.constraintResults().get(0).evaluated()).isEqualTo(2);
    }

    @Test
    void aWindowOfMergedBatchStatesIsJudgedAsOneBatch() {
        Check check = new Check("amounts", List.of(meanBetween(new Mean("amount"), 14, 16),
                new NotNullConstraint("amount")));

        AnalyzerStates window = check.analyze(Rows.column("amount", 10, 12))
                .merge(check.analyze(Rows.column("amount", 20, 18)));
        VerificationResult result = check.runAggregates(window);

        assertThat(window.size()).isEqualTo(1);
        assertThat(result.constraintResults()).singleElement().satisfies(mean -> {
            assertThat(mean.success()).isTrue();
            assertThat(mean.observedValue()).isEqualTo(Rows.value(15.0));
            assertThat(mean.evaluated()).isEqualTo(4);
        });
    }
}
