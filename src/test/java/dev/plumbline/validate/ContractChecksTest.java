package dev.plumbline.validate;

import static dev.plumbline.validate.Contracts.dataset;
import static dev.plumbline.validate.Contracts.expectation;
import static dev.plumbline.validate.Contracts.property;
import static org.assertj.core.api.Assertions.assertThat;

import dev.plumbline.contract.OdcsContract.SchemaObject;
import dev.plumbline.validate.constraints.BetweenConstraint;
import dev.plumbline.validate.constraints.InSetConstraint;
import dev.plumbline.validate.constraints.LogicalType;
import dev.plumbline.validate.constraints.NotNullConstraint;
import dev.plumbline.validate.constraints.TypeConstraint;
import dev.plumbline.validate.constraints.UniqueConstraint;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

class ContractChecksTest {

    private final ContractChecks contractChecks = new ContractChecks();

    private List<Constraint> compile(Contracts.Property... properties) {
        return contractChecks.compile(dataset("payments", properties)).constraints();
    }

    @Test
    void schemaFieldsBecomeConstraintsInPropertyOrderAndKeysAreLeftToTheHistory() {
        List<Constraint> constraints = compile(
                property("transaction_id").type("string").required().primaryKey(),
                property("email").unique());

        assertThat(constraints).containsExactly(
                new NotNullConstraint("transaction_id"),
                new TypeConstraint("transaction_id", LogicalType.STRING));
    }

    @Test
    void logicalTypeOptionBoundsBecomeBetweenStrictWhereExclusive() {
        List<Constraint> constraints = compile(
                property("amount").type("number").options("{'minimum': 0, 'exclusiveMaximum': 100000}"),
                property("discount").options("{'exclusiveMinimum': 0.5, 'format': 'f32'}"));

        assertThat(constraints).containsExactly(
                new TypeConstraint("amount", LogicalType.NUMBER),
                new BetweenConstraint("amount", BigDecimal.ZERO, new BigDecimal("100000"), false, true, 1.0),
                new BetweenConstraint("discount", new BigDecimal("0.5"), null, true, false, 1.0));
    }

    @Test
    void libraryMetricsBecomeConstraints() {
        List<Constraint> constraints = compile(
                property("customer_id").quality("{'metric': 'nullValues', 'mustBe': 0}"),
                property("currency").quality(
                        "{'metric': 'invalidValues', 'arguments': {'validValues': ['USD', 'EUR']}, 'mustBe': 0}"),
                property("transaction_id").quality("{'type': 'library', 'metric': 'duplicateValues', 'mustBe': 0}"));

        assertThat(constraints).containsExactly(
                new NotNullConstraint("customer_id"),
                new InSetConstraint("currency", Rows.values("USD", "EUR")),
                new UniqueConstraint("transaction_id"));
    }

    @Test
    void nullValuesBelowAPercentageBecomeMostly() {
        List<Constraint> constraints = compile(
                property("referrer").quality("{'metric': 'nullValues', 'mustBeLessThan': 5, 'unit': 'percent'}"),
                property("coupon").quality("{'rule': 'nullValues', 'mustBeLessOrEqualTo': 1, 'unit': 'percent'}"));

        assertThat(constraints).containsExactly(new NotNullConstraint("referrer", 0.95),
                new NotNullConstraint("coupon", 0.99));
    }

    @Test
    void plumblineExpectationsTakeGreatExpectationsKwargs() {
        List<Constraint> constraints = compile(property("amount").quality(
                expectation("expect_column_values_to_be_between",
                        "{'min_value': -10, 'max_value': 2.5e3, 'strict_max': true, 'mostly': 0.99}"),
                expectation("expect_column_values_to_be_of_type", "{'type_': 'integer', 'result_format': 'BASIC'}"),
                expectation("expect_column_values_to_be_in_set", "{'value_set': [1, 2, 3], 'mostly': 0.5}"),
                expectation("expect_column_values_to_not_be_null", "{'mostly': 0.9}"),
                expectation("expect_column_values_to_be_unique", "{}")));

        assertThat(constraints).containsExactly(
                new BetweenConstraint("amount", new BigDecimal("-10"), new BigDecimal("2500"), false, true, 0.99),
                new TypeConstraint("amount", LogicalType.INTEGER),
                new InSetConstraint("amount", Rows.values(1, 2, 3), 0.5),
                new NotNullConstraint("amount", 0.9),
                new UniqueConstraint("amount"));
    }

    @Test
    void expectationTypeIsAnAliasOfTypeAndKwargsMayNameAnotherColumn() {
        List<Constraint> constraints = compile(
                property("currency"),
                property("amount").quality(
                        "{'type': 'custom', 'engine': 'plumbline', 'implementation': {'expectation_type': "
                                + "'expect_column_values_to_not_be_null', 'kwargs': {'column': 'currency'}}}",
                        "{'type': 'custom', 'engine': 'plumbline', 'implementation': "
                                + "{'type': 'expect_column_values_to_be_unique'}}"));

        assertThat(constraints).containsExactly(new NotNullConstraint("currency"), new UniqueConstraint("amount"));
    }

    @Test
    void textRulesAndOtherEnginesAreNotPlumblinesToRun() {
        var contract = dataset("payments", property("amount").quality(
                "{'type': 'text', 'description': 'Amounts are in minor units.'}",
                "{'type': 'custom', 'engine': 'soda', 'implementation': 'type: duplicate_percent'}",
                "{'type': 'custom', 'engine': 'greatExpectations', 'implementation': {'type': 'expect_purple'}}"));

        assertThat(contractChecks.lint(contract)).isEmpty();
        assertThat(contractChecks.compile(contract).constraints()).isEmpty();
    }

    @Test
    void theSameRuleFromTwoPlacesIsKeptOnce() {
        List<Constraint> constraints = compile(property("transaction_id").type("string").required().unique().quality(
                "{'metric': 'nullValues', 'mustBe': 0}",
                "{'metric': 'duplicateValues', 'mustBe': 0}",
                expectation("expect_column_values_to_be_of_type", "{'type_': 'string'}"),
                expectation("expect_column_values_to_not_be_null", "{'mostly': 0.9}")));

        assertThat(constraints).containsExactly(
                new NotNullConstraint("transaction_id"),
                new TypeConstraint("transaction_id", LogicalType.STRING),
                new UniqueConstraint("transaction_id"),
                new NotNullConstraint("transaction_id", 0.9));
    }

    @Test
    void onlyTheFirstSchemaObjectIsTheDataset() {
        var contract = Contracts.contract(
                new SchemaObject("payments", "payments", Contracts.build(property("id").required()), "schema[0]", 5),
                new SchemaObject("refunds", "refunds", Contracts.build(property("refund_id").required()), "schema[1]",
                        40));

        Check check = contractChecks.compile(contract);

        assertThat(check.name()).isEqualTo("payments");
        assertThat(check.constraints()).containsExactly(new NotNullConstraint("id"));
    }

    @Test
    void aContractWithoutSchemaCompilesToAnEmptyCheck() {
        Check check = contractChecks.compile(Contracts.contract());

        assertThat(check.name()).isEqualTo("test contract");
        assertThat(check.constraints()).isEmpty();
    }

    @Test
    void theCompiledCheckValidatesAMicroBatch() {
        Check check = contractChecks.compile(dataset("payments",
                property("transaction_id").type("string").primaryKey(),
                property("amount").type("number").required().options("{'minimum': 0, 'maximum': 100000}"),
                property("currency").quality("{'metric': 'invalidValues', "
                        + "'arguments': {'validValues': ['USD', 'EUR', 'GBP']}, 'mustBe': 0}")));

        VerificationResult result = check.run(Rows.json(
                "{'transaction_id': 'tx-1', 'amount': 12.5, 'currency': 'USD'}",
                "{'transaction_id': 'tx-2', 'amount': 2500000, 'currency': 'JPY'}",
                "{'transaction_id': 'tx-3', 'currency': 'EUR'}"));

        assertThat(result.success()).isFalse();
        assertThat(result.failedRowCount()).isEqualTo(2);
        assertThat(result.failuresByRow().get(1)).extracting(RowFailure::reason).containsExactly(
                "amount = 2500000 is above the maximum 100000",
                "currency = \"JPY\" is not one of USD, EUR, GBP");
        assertThat(result.failuresByRow().get(2)).extracting(RowFailure::reason)
                .containsExactly("amount is null but required");
    }
}
