package dev.plumbline.validate.window;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.plumbline.validate.BatchHistory;
import dev.plumbline.validate.Check;
import dev.plumbline.validate.ConstraintResult;
import dev.plumbline.validate.Rows;
import dev.plumbline.validate.VerificationResult;
import dev.plumbline.validate.analyzers.AnalyzerStates;
import dev.plumbline.validate.analyzers.Mean;
import dev.plumbline.validate.analyzers.NumericBaseline;
import dev.plumbline.validate.analyzers.PopulationStabilityIndex;
import dev.plumbline.validate.analyzers.State;
import dev.plumbline.validate.constraints.Bounds;
import dev.plumbline.validate.constraints.MetricBetweenConstraint;
import dev.plumbline.validate.constraints.PsiConstraint;
import dev.plumbline.ingest.StagedRecord;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A windowed rule judges its earlier batches' merged states together with the current batch's. */
class WindowedConstraintTest {

    private static final Mean MEAN = new Mean("amount");
    private static final WindowedConstraint MEAN_OVER_HOUR = new WindowedConstraint(new MetricBetweenConstraint(
            "expect_column_mean_to_be_between", "amount", "mean", MEAN,
            new Bounds(Rows.value(14), Rows.value(16), false, false)), Window.parse("1h"));

    @Test
    void theMeanOfAWindowIsTheMeanOfAllItsValues() {
        List<JsonNode> earlier = Rows.column("amount", 10, 12);
        List<JsonNode> now = Rows.column("amount", 20, 18);
        WindowStates history = new WindowStates(AnalyzerStates.of(MEAN, MEAN.computeState(earlier)), 1);

        ConstraintResult result = MEAN_OVER_HOUR.evaluate(history, AnalyzerStates.of(MEAN, MEAN.computeState(now)));

        assertThat(result.success()).isTrue();
        assertThat(result.evaluated()).isEqualTo(4);
        assertThat(result.observedValue()).isEqualTo(Rows.value(15.0));
        assertThat(result.observed()).endsWith("(window 1h: 2 batches)");
    }

    @Test
    void aCheckJudgesWindowedRulesOnTheHistoryItIsGivenAndOtherRulesOnTheBatch() {
        Check check = new Check("amounts", List.of(MEAN_OVER_HOUR));
        List<JsonNode> rows = Rows.column("amount", 20, 18);
        BatchHistory history = new BatchHistory() {
            @Override
            public WindowStates earlier(WindowedConstraint constraint) {
                return new WindowStates(AnalyzerStates.of(MEAN, MEAN.computeState(Rows.column("amount", 10, 12))),
                        1);
            }

            @Override
            public List<ConstraintResult> judge(List<StagedRecord> records, List<JsonNode> batch,
                    VerificationResult inBatch) {
                return List.of();
            }
        };

        assertThat(check.run(rows).success()).isFalse();
        assertThat(check.run(rows, check.analyze(rows), history).success()).isTrue();
    }

    @Test
    void storedStatesReadBackEqualToTheStatesWritten() {
        PopulationStabilityIndex psi = new PopulationStabilityIndex("amount",
                new NumericBaseline(List.of(10.0), List.of(0.5, 0.5), 0.0));
        List<JsonNode> rows = Rows.column("amount", 1, 12.5, null, 0.10, "x");

        for (var analyzer : List.of(MEAN, psi)) {
            State<?> state = analyzer.computeState(rows);
            assertThat(StateCodec.read(analyzer, StateCodec.write(state))).isEqualTo(state);
        }
        assertThat(StateCodec.key(psi)).hasSize(64).isNotEqualTo(StateCodec.key(new PopulationStabilityIndex(
                "amount", new NumericBaseline(List.of(11.0), List.of(0.5, 0.5), 0.0))));
    }

    @Test
    void aPsiRuleNeedsTheMinimumSampleOverItsWholeWindow() {
        PopulationStabilityIndex psi = new PopulationStabilityIndex("x",
                new NumericBaseline(List.of(10.0), List.of(0.5, 0.5), 0.0));
        WindowedConstraint windowed = new WindowedConstraint(new PsiConstraint("x", psi, 0.2, 4),
                Window.parse("3 batches"));
        AnalyzerStates batch = AnalyzerStates.of(psi, psi.computeState(Rows.column("x", 1, 20)));

        assertThat(windowed.evaluate(WindowStates.NONE, batch).observed()).startsWith("insufficient data: 2 of");
        WindowStates earlier = new WindowStates(AnalyzerStates.of(psi, psi.computeState(Rows.column("x", 2, 30))),
                2);
        assertThat(windowed.evaluate(earlier, batch).observed())
                .isEqualTo("PSI 0 over 4 values, expected at most 0.2 (window 3 batches: 3 batches)");
    }
}
