package dev.plumbline.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.plumbline.PipelineFixtures;
import dev.plumbline.contract.OdcsParser;
import dev.plumbline.validate.Check;
import dev.plumbline.validate.ConstraintResult;
import dev.plumbline.validate.ContractChecks;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/** The demo's scripted USD → EUR incident: its schedule, its records, and what the demo contract makes of them. */
class CurrencySwitchTest {

    static final Instant START = StreamFixtures.START;
    static final ObjectMapper JSON = new ObjectMapper();
    static final Check DEMO_CHECK = new ContractChecks()
            .compile(new OdcsParser().parse(PipelineFixtures.resource(DemoDataset.CONTRACT)));

    @Test
    void theSwitchStartsAfterItsDelayLastsItsLengthAndComesBackEachPeriod() {
        CurrencySwitch schedule = new CurrencySwitch(Duration.ofMinutes(3), Duration.ofMinutes(5),
                Duration.ofMinutes(30));

        assertThat(schedule.activeAt(Duration.ofSeconds(179))).isFalse();
        assertThat(schedule.activeAt(Duration.ofMinutes(3))).isTrue();
        assertThat(schedule.activeAt(Duration.ofSeconds(479))).isTrue();
        assertThat(schedule.activeAt(Duration.ofMinutes(8))).isFalse();
        assertThat(schedule.activeAt(Duration.ofMinutes(33).plusSeconds(1))).isTrue();
        assertThat(CurrencySwitch.NEVER.activeAt(Duration.ofHours(5))).isFalse();
    }

    @Test
    void aScheduleLongerThanItsPeriodIsRefused() {
        assertThatThrownBy(() -> new CurrencySwitch(Duration.ZERO, Duration.ofMinutes(10), Duration.ofMinutes(5)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("lasting <= every");
    }

    @Test
    void whileSwitchedTheSameTransactionsCarryTheirAmountInEuroCents() {
        TransactionStream dollars = new TransactionStream(42, START, IncidentScript.every(Duration.ofHours(1)));
        TransactionStream euroCents = new TransactionStream(42, START, IncidentScript.every(Duration.ofHours(1)),
                elapsed -> true);

        List<JsonNode> expected = rows(dollars.next(START.plusSeconds(1), 200));
        List<JsonNode> switched = rows(euroCents.next(START.plusSeconds(1), 200));

        assertThat(euroCents.inEuroCentsAt(START)).isTrue();
        for (int i = 0; i < expected.size(); i++) {
            ObjectNode same = (ObjectNode) expected.get(i).deepCopy();
            BigDecimal cents = same.get("amount").decimalValue().multiply(new BigDecimal("92"))
                    .setScale(0, java.math.RoundingMode.HALF_UP);
            same.put("amount", cents);
            assertThat(switched.get(i)).isEqualTo(same);
        }
    }

    @Test
    void theDemoContractSeesEuroCentsAsDriftAndAsAUnitChangeFromUsd() {
        List<JsonNode> switched = rows(new TransactionStream(7, START, IncidentScript.every(Duration.ofHours(1)),
                elapsed -> true).next(START.plusSeconds(1), 1_000));

        List<ConstraintResult> results = DEMO_CHECK.run(switched).constraintResults();

        assertThat(result(results, "expect_column_psi_to_be_less_than", "amount").observedValue().asDouble())
                .isGreaterThan(2.0);
        ConstraintResult unit = result(results, "expect_column_unit_to_be_unchanged", "amount");
        assertThat(unit.success()).isFalse();
        assertThat(unit.observedValue().get("factor").asDouble()).isCloseTo(92, within(3.0));
        assertThat(unit.observed()).contains("unit or currency change from USD");
    }

    // Why the script sends euro cents: a plain conversion to euros (×0.92) hardly moves the demo's PSI.
    @Test
    void aPlainConversionToEurosStaysFarBelowThePsiThreshold() {
        List<JsonNode> euros = rows(new TransactionStream(7, START, IncidentScript.every(Duration.ofHours(1)))
                .next(START.plusSeconds(1), 20_000), amount -> amount.multiply(new BigDecimal("0.92")));

        List<ConstraintResult> results = DEMO_CHECK.run(euros).constraintResults();

        assertThat(result(results, "expect_column_psi_to_be_less_than", "amount").observedValue().asDouble())
                .isLessThan(0.05);
        assertThat(result(results, "expect_column_unit_to_be_unchanged", "amount").success())
                .as("twenty thousand values do tell ×0.92 apart").isFalse();
    }

    // The same change through the measures a contract may pick next to PSI, each over the demo's frozen deciles
    // (twenty thousand values: JS 0.011, 0.041, 0.871 and KS 0.003, 0.038, 0.900 for dollars, euros, euro cents).
    @Test
    void jsAndKsSeeEuroCentsAndKsAlsoSeesAPlainConversionToEuros() {
        Check measures = new ContractChecks().compile(new OdcsParser().parse(PipelineFixtures
                .resource(DemoDataset.CONTRACT).replaceFirst("expect_column_psi_to_be_less_than",
                        "expect_column_js_distance_to_be_less_than")
                .replaceFirst("threshold: 0.2", "threshold: 0.1")));
        Check ks = new ContractChecks().compile(new OdcsParser().parse(PipelineFixtures
                .resource(DemoDataset.CONTRACT).replaceFirst("expect_column_psi_to_be_less_than",
                        "expect_column_ks_statistic_to_be_less_than")
                .replaceFirst("threshold: 0.2", "threshold: 0.1")));
        List<JsonNode> dollars = rows(new TransactionStream(7, START, IncidentScript.every(Duration.ofHours(1)))
                .next(START.plusSeconds(1), 20_000));
        List<JsonNode> euros = rows(new TransactionStream(7, START, IncidentScript.every(Duration.ofHours(1)))
                .next(START.plusSeconds(1), 20_000), amount -> amount.multiply(new BigDecimal("0.92")));
        List<JsonNode> euroCents = rows(new TransactionStream(7, START, IncidentScript.every(Duration.ofHours(1)),
                elapsed -> true).next(START.plusSeconds(1), 20_000));

        double[] js = new double[3];
        double[] kss = new double[3];
        List<List<JsonNode>> batches = List.of(dollars, euros, euroCents);
        for (int i = 0; i < 3; i++) {
            js[i] = result(measures.run(batches.get(i)).constraintResults(),
                    "expect_column_js_distance_to_be_less_than", "amount").observedValue().asDouble();
            kss[i] = result(ks.run(batches.get(i)).constraintResults(),
                    "expect_column_ks_statistic_to_be_less_than", "amount").observedValue().asDouble();
        }
        assertThat(js[0]).as("JS, dollars").isLessThan(0.03);
        assertThat(js[1]).as("JS, euros").isLessThan(0.06);
        assertThat(js[2]).as("JS, euro cents").isGreaterThan(0.8);
        assertThat(kss[0]).as("KS, dollars").isLessThan(0.01);
        assertThat(kss[1]).as("KS, euros: twenty thousand values do tell ×0.92 apart").isBetween(0.03, 0.05);
        assertThat(kss[2]).as("KS, euro cents").isGreaterThan(0.85);
    }

    private static ConstraintResult result(List<ConstraintResult> results, String rule, String column) {
        return results.stream().filter(r -> r.rule().equals(rule) && column.equals(r.column())).findFirst()
                .orElseThrow();
    }

    private static List<JsonNode> rows(List<DemoEvent> events) {
        return rows(events, UnaryOperator.identity());
    }

    private static List<JsonNode> rows(List<DemoEvent> events, UnaryOperator<BigDecimal> amount) {
        return events.stream().map(e -> {
            try {
                ObjectNode row = (ObjectNode) JSON.readTree(e.value());
                return (JsonNode) row.put("amount", amount.apply(row.get("amount").decimalValue()));
            } catch (IOException ex) {
                throw new UncheckedIOException(ex);
            }
        }).toList();
    }
}
