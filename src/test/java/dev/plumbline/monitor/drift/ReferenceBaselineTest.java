package dev.plumbline.monitor.drift;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.plumbline.contract.OdcsParser;
import dev.plumbline.validate.ConstraintResult;
import dev.plumbline.validate.ContractChecks;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Baselines from a reference, in the contract's own form: they compile, and the reference itself shows no drift. */
class ReferenceBaselineTest {

    @Test
    void numbersGiveQuantileEdgesAndSharesThatSumToExactlyOne() {
        ReferenceBaseline reference = new ReferenceBaseline(ReferenceBaseline.Kind.NUMERIC, 10);
        for (int i = 1; i <= 999; i++) {
            reference.add(JsonNodeFactory.instance.numberNode(i), "row " + i);
        }
        reference.add(null, "row 1000");

        ObjectNode kwarg = reference.toKwarg();

        assertThat(kwarg.get("edges")).hasSize(9);
        assertThat(kwarg.get("edges").get(0).asDouble()).isCloseTo(100.8, within(1e-9));
        assertThat(kwarg.get("shares")).hasSize(10);
        BigDecimal total = kwarg.get("null_share").decimalValue();
        for (JsonNode share : kwarg.get("shares")) {
            total = total.add(share.decimalValue());
        }
        assertThat(total).isEqualByComparingTo("1");
        assertThat(kwarg.get("null_share").asDouble()).isEqualTo(0.001);
    }

    @Test
    void theBaselineGoesIntoAContractAndTheReferenceItselfIsNoDrift() {
        ReferenceBaseline reference = new ReferenceBaseline(ReferenceBaseline.Kind.NUMERIC, 10);
        List<JsonNode> rows = new ArrayList<>();
        java.util.Random random = new java.util.Random(3);
        for (int i = 0; i < 5_000; i++) {
            double amount = Math.round(Math.exp(3.5 + 0.8 * random.nextGaussian()) * 100) / 100.0;
            reference.add(JsonNodeFactory.instance.numberNode(amount), "row " + i);
            rows.add(JsonNodeFactory.instance.objectNode().put("amount", amount));
        }
        String contract = """
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
                        quality:
                          - type: custom
                            engine: plumbline
                            implementation:
                              type: expect_column_psi_to_be_less_than
                              kwargs:
                                baseline: %s
                """.formatted(reference.toKwarg().toString());

        List<ConstraintResult> results = new ContractChecks().compile(new OdcsParser().parse(contract)).run(rows)
                .constraintResults();

        assertThat(results).filteredOn(r -> r.rule().equals("expect_column_psi_to_be_less_than")).singleElement()
                .satisfies(r -> assertThat(r.observedValue().asDouble()).isLessThan(0.001));
    }

    @Test
    void categoriesComeMostFrequentFirstWithTheirShares() {
        ReferenceBaseline reference = new ReferenceBaseline(ReferenceBaseline.Kind.CATEGORICAL, 10);
        for (String channel : List.of("web", "pos", "pos", "mobile", "pos", "web")) {
            reference.add(JsonNodeFactory.instance.textNode(channel), "row");
        }
        reference.add(JsonNodeFactory.instance.nullNode(), "row");
        reference.add(JsonNodeFactory.instance.nullNode(), "row");

        ObjectNode kwarg = reference.toKwarg();

        assertThat(kwarg.get("categories").toString()).isEqualTo("[\"pos\",\"web\",\"mobile\"]");
        assertThat(kwarg.get("shares").toString()).isEqualTo("[0.375,0.25,0.125]");
        assertThat(kwarg.get("null_share").asDouble()).isEqualTo(0.25);
    }

    @Test
    void textInANumericReferenceIsRefusedWithWhereItIs() {
        ReferenceBaseline reference = new ReferenceBaseline(ReferenceBaseline.Kind.NUMERIC, 10);
        assertThatThrownBy(() -> ReferenceFile.readCsv("id,amount\n1,12.5\n2,\"twelve, fifty\"\n", "amount",
                reference)).hasMessage("line 3: \"twelve, fifty\" is not a number");
    }

    @Test
    void csvFieldsMayBeQuotedAndAnEmptyFieldIsANull() {
        ReferenceBaseline reference = new ReferenceBaseline(ReferenceBaseline.Kind.CATEGORICAL, 10);
        ReferenceFile.readCsv("note,channel\n\"a, \"\"quoted\"\" note\",web\nplain,\n", "channel", reference);
        assertThat(reference.values()).isEqualTo(1);
        assertThat(reference.nulls()).isEqualTo(1);
    }

    @Test
    void aReferenceWithoutValuesIsRefused() {
        ReferenceBaseline reference = new ReferenceBaseline(ReferenceBaseline.Kind.NUMERIC, 10);
        ReferenceFile.readNdjson("{\"amount\":null}\n{\"other\":1}\n", "amount", reference);
        assertThatThrownBy(reference::toKwarg).hasMessageContaining("the reference has no values (2 nulls)");
        assertThatThrownBy(() -> ReferenceFile.readNdjson("{\"amount\":1}\n[1]\n", "amount", reference))
                .hasMessage("line 2: not a JSON object");
    }
}
