package dev.plumbline.validate;

import static dev.plumbline.validate.Contracts.dataset;
import static dev.plumbline.validate.Contracts.expectation;
import static dev.plumbline.validate.Contracts.property;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;

import dev.plumbline.contract.ContractProblem;
import dev.plumbline.contract.InvalidContractException;
import dev.plumbline.PipelineFixtures;
import dev.plumbline.contract.OdcsContract;
import dev.plumbline.contract.OdcsParser;
import dev.plumbline.validate.window.WindowedConstraint;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ContractChecksLintTest {

    private static final String RULE_PATH = "schema[0].properties[1].quality[0]";
    private static final int RULE_LINE = 32;

    private final ContractChecks contractChecks = new ContractChecks();

    private List<ContractProblem> lintRule(String rule) {
        return contractChecks.lint(dataset("payments", property("currency"), property("amount").quality(rule)));
    }

    private static ContractProblem onRule(String message) {
        return new ContractProblem(RULE_LINE, RULE_PATH, message);
    }

    @Test
    void anUnknownExpectationSaysWhichOnesPlumblineRuns() {
        assertThat(lintRule(expectation("expect_column_values_to_be_purple", "{}"))).containsExactly(onRule(
                "unknown expectation \"expect_column_values_to_be_purple\"; Plumbline runs: " + Expectations.names()));
        assertThat(Expectations.names()).contains("expect_column_pair_values_a_to_be_greater_than_b, ")
                .contains("expect_column_mean_to_be_between, ")
                .contains(", expect_column_values_to_not_be_null, ");
    }

    @Test
    void aCustomRuleWithoutAnExpectationNameSaysWhichOnesPlumblineRuns() {
        assertThat(lintRule("{'type': 'custom', 'engine': 'plumbline', 'implementation': {'kwargs': {}}}"))
                .containsExactly(onRule("implementation needs type, the name of an expectation; Plumbline runs: "
                        + Expectations.names()));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            expect_column_values_to_be_between | {'min_value': 10, 'max_value': 5} | expect_column_values_to_be_between: min_value 10 is greater than max_value 5
            expect_column_values_to_be_between | {'min_value': 'ten'}               | expect_column_values_to_be_between: min_value must be a number or an ISO-8601 timestamp (both bounds of one kind), got "ten"
            expect_column_values_to_be_between | {'min_value': 0, 'max_value': {'$PARAMETER': 'upstream_count'}} | expect_column_values_to_be_between: max_value: $PARAMETER "upstream_count" refers to suite parameter "upstream_count", which Plumbline does not supply; give the value
            expect_column_values_to_be_between | {'mostly': 0.9}                    | expect_column_values_to_be_between: give min_value, max_value or both
            expect_column_values_to_be_between | {'max_value': 5, 'strict_max': 1}  | expect_column_values_to_be_between: strict_max must be true or false, got 1
            expect_column_values_to_be_between | {'max_value': 5, 'row_condition': 'x>1'} | expect_column_values_to_be_between: condition_parser must be "pandas" with a row_condition (Plumbline reads pandas query conditions), got none
            expect_column_values_to_be_between | {'max_value': 5, 'row_condition': 'x>1', 'condition_parser': 'pandas'} | expect_column_values_to_be_between: row_condition "x>1": unknown column x
            expect_column_values_to_be_between | {'max_value': 5, 'parse_strings_as_datetimes': true} | expect_column_values_to_be_between: unknown argument parse_strings_as_datetimes; expected column, min_value, max_value, strict_min, strict_max, mostly, row_condition, condition_parser
            expect_column_values_to_not_be_null | {'mostly': 1.5}                   | expect_column_values_to_not_be_null: mostly must be a number between 0 and 1, got 1.5
            expect_column_values_to_not_be_null | {'column': 'amount_usd'}          | expect_column_values_to_not_be_null: column must name a property of this schema, got "amount_usd"
            expect_column_values_to_be_of_type | {'type_': 'varchar'}               | expect_column_values_to_be_of_type: type_ must be one of the ODCS logical types string, integer, number, boolean, date, timestamp, time, object, array or their Great Expectations (pandas) names BooleanDtype, Float32, Float64, Int16, Int32, Int64, Int64Dtype, Int8, StringDtype, Timestamp, bool, bool_, datetime, datetime64, datetime64[ns], decimal, dict, double, float, float16, float32, float64, float_, int, int16, int32, int64, int8, int_, list, long, str, str_, string_, uint16, uint32, uint64, uint8, unicode, got "varchar"
            expect_column_values_to_be_in_set  | {'value_set': []}                  | expect_column_values_to_be_in_set: value_set is empty, so every non-null value would fail; list the allowed values
            expect_column_values_to_be_in_set  | {'value_set': [1, [2]]}            | expect_column_values_to_be_in_set: value_set must list strings, numbers or booleans, got [1,[2]]
            expect_column_values_to_be_unique  | []                                 | expect_column_values_to_be_unique: kwargs must be an object, got []
            expect_column_js_distance_to_be_less_than | {'baseline': {'edges': [1, 2]}} | expect_column_js_distance_to_be_less_than: threshold is required: the largest JS distance that is not drift, e.g. 0.1
            expect_column_ks_statistic_to_be_less_than | {'baseline': {'categories': ['a'], 'shares': [1]}, 'threshold': 0.1} | expect_column_ks_statistic_to_be_less_than: the KS statistic compares cumulative shares, so it needs a numeric baseline (edges); use expect_column_js_distance_to_be_less_than or expect_column_psi_to_be_less_than for categories
            expect_column_ks_statistic_to_be_less_than | {'threshold': 0.1} | expect_column_ks_statistic_to_be_less_than: baseline must give the frozen reference, as edges (and shares) for numbers or as categories and shares; Plumbline never derives it from the data being checked
            """)
    void badKwargsAreProblemsOnTheRule(String expectation, String kwargs, String message) {
        assertThat(lintRule(expectation(expectation, kwargs))).containsExactly(onRule(message));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            {'metric': 'rowCount', 'mustBeBetween': [100, 120]}                 | metric "rowCount" is not supported; Plumbline runs: nullValues, invalidValues, duplicateValues
            {'type': 'library', 'mustBe': 0}                                    | a library rule needs a metric; Plumbline runs: nullValues, invalidValues, duplicateValues
            {'metric': 'nullValues'}                                            | nullValues needs an operator, e.g. mustBe: 0
            {'metric': 'nullValues', 'mustBeGreaterThan': 0, 'mustBeLessThan': 9} | nullValues takes one operator, got mustBeGreaterThan, mustBeLessThan
            {'metric': 'nullValues', 'mustBeLessThan': 10}                      | nullValues runs with mustBe: 0, or with mustBeLessThan or mustBeLessOrEqualTo and unit: percent (a row count depends on the batch size); got mustBeLessThan: 10
            {'metric': 'nullValues', 'mustBeLessThan': 150, 'unit': 'percent'}  | mustBeLessThan must be a percentage between 0 and 100, got 150
            {'metric': 'nullValues', 'mustBe': 0, 'unit': 'percentage'}         | unit must be rows or percent, got "percentage"
            {'metric': 'invalidValues', 'arguments': {'validValues': ['USD']}, 'mustBeLessThan': 5} | invalidValues runs with mustBe: 0; got mustBeLessThan: 5
            {'metric': 'invalidValues', 'mustBe': 0}                            | invalidValues needs arguments.validValues, a list of one or more strings, numbers or booleans
            {'metric': 'invalidValues', 'arguments': {'pattern': '^[A-Z]{3}$'}, 'mustBe': 0} | invalidValues with arguments.pattern is not supported yet; Plumbline runs invalidValues with arguments.validValues
            {'metric': 'duplicateValues', 'mustBeLessThan': 1, 'unit': 'percent'} | duplicateValues runs with mustBe: 0; got mustBeLessThan: 1 (unit: percent)
            {'metric': 'duplicateValues', 'arguments': {'properties': ['a', 'b']}, 'mustBe': 0} | duplicateValues across several properties is not supported yet; Plumbline runs duplicateValues on one property
            {'type': 'sql', 'query': 'SELECT COUNT(*) FROM {object}', 'mustBe': 0} | Plumbline does not run SQL rules on micro-batches; write the rule as a library metric or as type: custom with engine: plumbline
            {'type': 'regex'}                                                   | unknown quality type "regex"; expected library, text, sql or custom
            {'type': 'custom', 'implementation': {'type': 'expect_column_values_to_be_unique'}} | a custom rule needs an engine; Plumbline runs engine: plumbline
            {'type': 'custom', 'engine': 'plumbline', 'implementation': 'type: expect_column_values_to_be_unique'} | implementation must be an object with type (a Great Expectations expectation name) and kwargs
            """)
    void rulesPlumblineCannotRunAreProblemsOnTheRule(String rule, String message) {
        assertThat(lintRule(rule)).containsExactly(onRule(message));
    }

    @Test
    void anImplementationWithoutTypeSaysWhichExpectationsPlumblineRuns() {
        assertThat(lintRule("{'type': 'custom', 'engine': 'plumbline', 'implementation': {'kwargs': {}}}"))
                .containsExactly(onRule("implementation needs type, the name of an expectation; Plumbline runs: "
                        + Expectations.names()));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            {'minimum': '2020-01-01'}                    | minimum must be a number (Plumbline checks bounds on numbers only), got "2020-01-01"
            {'minimum': 10, 'maximum': 5}                | the minimum 10 is greater than the maximum 5
            {'minimum': 0, 'exclusiveMinimum': 0}        | give minimum or exclusiveMinimum, not both
            {'exclusiveMaximum': true}                   | exclusiveMaximum must be a number (Plumbline checks bounds on numbers only), got true
            """)
    void unrunnableBoundsAreProblemsOnTheLogicalTypeOptions(String options, String message) {
        OdcsContract contract = dataset("payments", property("currency"), property("amount").options(options));

        assertThat(contractChecks.lint(contract)).containsExactly(
                new ContractProblem(30, "schema[0].properties[1].logicalTypeOptions", message));
    }

    @Test
    void anUnknownLogicalTypeIsAProblemOnTheProperty() {
        OdcsContract contract = dataset("payments", property("amount").type("decimal"));

        assertThat(contractChecks.lint(contract)).containsExactly(new ContractProblem(10,
                "schema[0].properties[0].logicalType", "unknown logicalType \"decimal\"; expected one of string, "
                        + "integer, number, boolean, date, timestamp, time, object, array"));
    }

    @Test
    void compileRefusesAContractWithEveryProblemInIt() {
        OdcsContract contract = dataset("payments",
                property("amount").type("decimal").required().quality("{'metric': 'rowCount', 'mustBe': 1}"));

        assertThatThrownBy(() -> contractChecks.compile(contract))
                .isInstanceOfSatisfying(InvalidContractException.class, e -> assertThat(e.problems())
                        .extracting(ContractProblem::line, ContractProblem::path)
                        .containsExactly(
                                tuple(10, "schema[0].properties[0].logicalType"),
                                tuple(12, "schema[0].properties[0].quality[0]")));
        assertThat(contractChecks.lint(contract)).hasSize(2);
    }

    @Test
    void aContractPlumblineCanRunHasNoProblems() {
        OdcsContract contract = dataset("payments",
                property("transaction_id").type("string").primaryKey(),
                property("amount").type("number").required().options("{'minimum': 0, 'maxLength': 3}").quality(
                        "{'metric': 'nullValues', 'mustBeLessThan': 1, 'unit': 'percent'}",
                        expectation("expect_column_values_to_be_between", "{'max_value': 100000, 'meta': {'a': 1}}")));

        assertThat(contractChecks.lint(contract)).isEmpty();
    }

    @Test
    void theDemoContractHasNoProblemsAndItsWindowedPsiRulesAndUnitWatchCompile() {
        OdcsContract demo = new OdcsParser().parse(PipelineFixtures.resource("demo/transactions.odcs.yaml"));

        assertThat(contractChecks.lint(demo)).isEmpty();
        assertThat(contractChecks.compile(demo).constraints()).filteredOn(WindowedConstraint.class::isInstance)
                .extracting(Constraint::rule, Constraint::column).containsExactly(
                        tuple("expect_column_psi_to_be_less_than", "amount"),
                        tuple("expect_column_unit_to_be_unchanged", "amount"),
                        tuple("expect_column_psi_to_be_less_than", "channel"));
    }

    @Test
    void aWindowOnARuleWhoseStatesDoNotMergeIsAProblem() {
        assertThat(lintRule(expectation("expect_column_median_to_be_between",
                "{'min_value': 1, 'window': '1h'}"))).containsExactly(onRule("expect_column_median_to_be_between: "
                + "window is supported on expect_column_mean_to_be_between, expect_column_sum_to_be_between, "
                + "expect_column_psi_to_be_less_than, expect_column_js_distance_to_be_less_than and "
                + "expect_column_ks_statistic_to_be_less_than, whose states merge"));
        assertThat(lintRule(expectation("expect_column_mean_to_be_between", "{'min_value': 1, 'window': 'a while'}")))
                .singleElement().extracting(ContractProblem::message).asString()
                .contains("window must be a duration such as 15m");
    }

    @Test
    void aPsiRuleWithoutAFrozenBaselineIsAProblem() {
        assertThat(lintRule(expectation("expect_column_psi_to_be_less_than", "{'threshold': 0.2}")))
                .containsExactly(onRule("expect_column_psi_to_be_less_than: baseline must give the frozen reference, "
                        + "as edges (and shares) for numbers or as categories and shares; Plumbline never derives it "
                        + "from the data being checked"));
        assertThat(lintRule(expectation("expect_column_psi_to_be_less_than",
                "{'baseline': {'categories': ['a', 'b'], 'shares': [0.5, 0.4]}}")))
                .singleElement().extracting(ContractProblem::message).asString()
                .contains("the shares and null_share must sum to 1, got 0.9");
    }
}
