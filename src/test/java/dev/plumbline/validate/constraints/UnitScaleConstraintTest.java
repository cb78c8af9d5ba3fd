package dev.plumbline.validate.constraints;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.plumbline.contract.OdcsParser;
import dev.plumbline.validate.Check;
import dev.plumbline.validate.ConstraintResult;
import dev.plumbline.validate.ContractChecks;
import dev.plumbline.validate.analyzers.AnalyzerStates;
import dev.plumbline.validate.analyzers.NumericBaseline;
import dev.plumbline.validate.analyzers.SketchState;
import dev.plumbline.validate.analyzers.SketchedQuantiles;
import dev.plumbline.validate.window.Window;
import dev.plumbline.validate.window.WindowStates;
import dev.plumbline.validate.window.WindowedConstraint;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.DoubleUnaryOperator;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/** The unit watch tells a rescaled column (USD → EUR) from a column whose distribution changed shape. */
class UnitScaleConstraintTest {

    static final NumericBaseline BASELINE = deciles(amounts(200_000, 1, x -> x));

    @Test
    void theSamePaymentMixIsNoUnitChange() {
        ConstraintResult result = watch().evaluate(rows(amounts(1_000, 7, x -> x)));
        assertThat(result.success()).isTrue();
        assertThat(result.observed()).startsWith("no unit change");
    }

    @Test
    void everyAmountConvertedFromDollarsToEurosIsNamedAsAUnitChange() {
        ConstraintResult result = watch().evaluate(rows(amounts(20_000, 7, x -> x * 0.92)));
        assertThat(result.success()).isFalse();
        assertThat(result.observedValue().get("factor").asDouble()).isCloseTo(0.92, within(0.01));
        assertThat(result.observed()).contains("scaled by ×0.92").contains("unit or currency change from USD");
    }

    @Test
    void aThousandAmountsCannotTellDollarsFromEurosButTellDollarsFromPounds() {
        ConstraintResult euros = watch().evaluate(rows(amounts(1_000, 7, x -> x * 0.92)));
        assertThat(euros.success()).isTrue();
        assertThat(euros.observed()).contains("within what 1000 values tell apart");
        ConstraintResult cents = watch().evaluate(rows(amounts(1_000, 7, x -> x * 100)));
        assertThat(cents.success()).isFalse();
        assertThat(cents.observedValue().get("factor").asDouble()).isCloseTo(100, within(5.0));
    }

    @Test
    void noChangeInTenThousandAmountsIsNoUnitChange() {
        for (long seed = 1; seed <= 20; seed++) {
            assertThat(watch().evaluate(rows(amounts(10_000, 100 + seed, x -> x))).success()).as("seed %d", seed)
                    .isTrue();
        }
    }

    @Test
    void aShiftInTheMixOfLargeAndSmallPaymentsIsLeftToPsi() {
        ConstraintResult result = watch().evaluate(rows(amounts(1_000, 7, x -> x > 60 ? x * 3 : x)));
        assertThat(result.success()).isTrue();
        assertThat(result.observed()).startsWith("no unit change");
    }

    @Test
    void tooFewValuesGiveNoVerdict() {
        ConstraintResult result = watch().evaluate(rows(amounts(100, 7, x -> x * 0.5)));
        assertThat(result.success()).isTrue();
        assertThat(result.observed()).startsWith("insufficient data");
    }

    @Test
    void aContractWatchesTheUnitOfAColumnThatDeclaresOneAndHasANumericBaseline() {
        String contract = amountWatchedInDollars("""
                      - name: fee
                        logicalType: number
                        quality:
                          - type: custom
                            engine: plumbline
                            implementation:
                              type: expect_column_psi_to_be_less_than
                              kwargs:
                                baseline: {edges: [1, 2, 4]}
                """);
        Check check = new ContractChecks().compile(new OdcsParser().parse(contract));
        assertThat(check.constraints()).filteredOn(c -> c.rule().equals(UnitScaleConstraint.RULE))
                .singleElement().satisfies(c -> assertThat(c.column()).isEqualTo("amount"));
    }

    @Test
    void aWatchOverAWindowSeesAUnitChangeThatNoSingleSmallBatchCanShow() {
        UnitScaleConstraint sketched = UnitScaleConstraint.sketched("amount", "USD", BASELINE);
        WindowedConstraint overFiveMinutes = new WindowedConstraint(sketched, Window.parse("5m"));
        SketchedQuantiles analyzer = (SketchedQuantiles) sketched.analyzer();

        for (double factor : List.of(0.92, 1.0)) {
            SketchState earlier = null;
            for (int batch = 0; batch < 99; batch++) {
                SketchState state = analyzer.computeState(rows(amounts(40, 1_000 + batch, x -> x * factor)));
                earlier = earlier == null ? state : earlier.merge(state);
            }
            List<JsonNode> now = rows(amounts(40, 7, x -> x * factor));
            assertThat(watch().evaluate(now).observed()).as("one batch alone").startsWith("insufficient data");

            ConstraintResult result = overFiveMinutes.evaluate(new WindowStates(AnalyzerStates.of(analyzer, earlier),
                    99), AnalyzerStates.of(analyzer, analyzer.computeState(now)));

            assertThat(result.success()).as("×%s", factor).isEqualTo(factor == 1.0);
            assertThat(result.observed()).endsWith("(window 5m: 100 batches)");
            if (factor != 1.0) {
                assertThat(result.observedValue().get("factor").asDouble()).isCloseTo(0.92, within(0.03));
            }
        }
        List<JsonNode> large = rows(amounts(20_000, 7, x -> x * 0.92));
        ConstraintResult alone = overFiveMinutes.evaluate(new WindowStates(AnalyzerStates.of(analyzer,
                analyzer.computeState(rows(amounts(20_000, 8, x -> x)))), 1),
                AnalyzerStates.of(analyzer, analyzer.computeState(large)));
        assertThat(alone.success()).as("a large switched batch after unswitched ones").isFalse();
        assertThat(alone.observed()).endsWith("(this batch alone: enough values for a verdict)");
    }

    @Test
    void aWatchWhoseBatchIsEnoughAloneDoesNotReadItsWindow() {
        UnitScaleConstraint sketched = UnitScaleConstraint.sketched("amount", "USD", BASELINE);
        WindowedConstraint overFiveMinutes = new WindowedConstraint(sketched, Window.parse("5m"));
        SketchedQuantiles analyzer = (SketchedQuantiles) sketched.analyzer();
        AtomicInteger reads = new AtomicInteger();
        Supplier<WindowStates> window = () -> {
            reads.incrementAndGet();
            return WindowStates.NONE;
        };

        ConstraintResult enough = overFiveMinutes.evaluate(window,
                AnalyzerStates.of(analyzer, analyzer.computeState(rows(amounts(1_000, 7, x -> x)))));
        assertThat(enough.observed()).endsWith("(this batch alone: enough values for a verdict)");
        assertThat(reads).hasValue(0);

        ConstraintResult small = overFiveMinutes.evaluate(window,
                AnalyzerStates.of(analyzer, analyzer.computeState(rows(amounts(40, 7, x -> x)))));
        assertThat(small.observed()).endsWith("(window 5m: 1 batch)");
        assertThat(reads).hasValue(1);
    }

    @Test
    void aWindowedBaselineRuleGivesTheWatchTheSameWindow() {
        String contract = amountWatchedInDollars("                window: 5m\n");
        Check check = new ContractChecks().compile(new OdcsParser().parse(contract));
        assertThat(check.constraints()).filteredOn(c -> c.rule().equals(UnitScaleConstraint.RULE))
                .singleElement().satisfies(c -> {
                    assertThat(c).isInstanceOf(WindowedConstraint.class);
                    assertThat(((WindowedConstraint) c).window()).isEqualTo(Window.parse("5m"));
                    assertThat(((WindowedConstraint) c).analyzer()).isInstanceOf(SketchedQuantiles.class);
                });
    }

    /** A contract whose amount declares USD and has a PSI baseline, with {@code more} kwargs for that rule. */
    private static String amountWatchedInDollars(String more) {
        return """
                apiVersion: v3.1.0
                kind: DataContract
                id: payments
                version: 1.0.0
                status: active
                schema:
                  - name: payments
                    properties:
                      - name: amount
                        logicalType: number
                        customProperties:
                          - property: currency
                            value: USD
                        quality:
                          - type: custom
                            engine: plumbline
                            implementation:
                              type: expect_column_psi_to_be_less_than
                              kwargs:
                                baseline: {edges: [10, 20, 40]}
                """ + more;
    }

    private static UnitScaleConstraint watch() {
        return UnitScaleConstraint.of("amount", "USD", BASELINE);
    }

    // A payment mix: log-normal amounts around 33, as the demo's reference.
    private static double[] amounts(int n, long seed, DoubleUnaryOperator change) {
        Random random = new Random(seed);
        double[] values = new double[n];
        for (int i = 0; i < n; i++) {
            values[i] = change.applyAsDouble(Math.round(Math.exp(3.5 + 0.8 * random.nextGaussian()) * 100) / 100.0);
        }
        return values;
    }

    private static NumericBaseline deciles(double[] reference) {
        double[] sorted = reference.clone();
        Arrays.sort(sorted);
        List<Double> edges = new ArrayList<>();
        for (int i = 1; i < 10; i++) {
            edges.add(sorted[sorted.length * i / 10]);
        }
        return new NumericBaseline(edges, Collections.nCopies(10, 0.1), 0);
    }

    private static List<JsonNode> rows(double[] amounts) {
        return Arrays.stream(amounts)
                .mapToObj(a -> (JsonNode) JsonNodeFactory.instance.objectNode().put("amount", a)).toList();
    }
}
