package dev.plumbline.contract;

import static dev.plumbline.contract.DiffFixtures.base;
import static dev.plumbline.contract.DiffFixtures.demo;
import static dev.plumbline.contract.DiffFixtures.diff;
import static dev.plumbline.contract.DiffFixtures.edit;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import org.junit.jupiter.api.Test;

class QualityRuleChangesTest {

    private static final String AMOUNT_RULE = "maximum: 100000\n";
    private static final String NOT_NULL_RULE = """
            maximum: 100000
                    quality:
                      - type: custom
                        engine: plumbline
                        implementation:
                          type: expect_column_values_to_not_be_null
            """;

    @Test
    void addingARuleIsBreakingAndRemovingItAdditive() {
        String ruled = edit(demo(), AMOUNT_RULE, NOT_NULL_RULE);

        assertThat(diff(demo(), ruled).changes()).extracting(Change::path, Change::kind, Change::impact,
                Change::reason, Change::proposedLine).containsExactly(tuple(
                        "schema[transactions].properties[amount].quality[expect_column_values_to_not_be_null]",
                        ChangeKind.ADDED, Impact.BREAKING,
                        "amount gains the expect_column_values_to_not_be_null rule: data valid today could fail it",
                        49));
        assertThat(diff(ruled, demo()).changes()).extracting(Change::kind, Change::impact, Change::reason)
                .containsExactly(tuple(ChangeKind.REMOVED, Impact.ADDITIVE,
                        "amount's expect_column_values_to_not_be_null rule removed: data it rejects today would be "
                                + "accepted"));
    }

    @Test
    void aTextRuleIsDocumentationBecauseItIsNeverRun() {
        String proposed = edit(demo(), AMOUNT_RULE, AMOUNT_RULE
                + "        quality:\n          - type: text\n            description: Refunds are negative.\n");

        assertThat(diff(demo(), proposed).changes()).extracting(Change::path, Change::impact, Change::reason)
                .containsExactly(tuple("schema[transactions].properties[amount].quality[text]", Impact.DOCUMENTATION,
                        "amount's text rule text added: text rules are not run, so documentation only, the data "
                                + "accepted is unchanged"));
    }

    @Test
    void aStricterMostlyIsBreakingAndALaxerOneAdditive() {
        String stricter = edit(base(), "mostly: 0.99", "mostly: 0.995");
        String path = "schema[transactions].properties[amount].quality[expect_column_values_to_be_between]"
                + ".implementation.kwargs.mostly";

        assertThat(diff(base(), stricter).changes()).extracting(Change::path, Change::impact, Change::reason,
                Change::activeLine, Change::proposedLine).containsExactly(tuple(path, Impact.BREAKING,
                        "in amount's expect_column_values_to_be_between rule, mostly raised from 0.99 to 0.995: data "
                                + "that passes the rule today could fail it", 67, 67));
        assertThat(diff(stricter, base()).changes()).extracting(Change::impact).containsExactly(Impact.ADDITIVE);
        String unwritten = edit(base(), "\n                mostly: 0.99", "");
        assertThat(diff(base(), unwritten).changes()).extracting(Change::kind, Change::impact, Change::reason)
                .containsExactly(tuple(ChangeKind.REMOVED, Impact.BREAKING, "in amount's "
                        + "expect_column_values_to_be_between rule, mostly raised from 0.99 to 1 (not written): data "
                        + "that passes the rule today could fail it"));
    }

    @Test
    void aNarrowerExpectationRangeIsBreakingAndAStrictBoundToo() {
        String narrower = edit(base(), "max_value: 20000", "max_value: 15000");
        String strict = edit(base(), "max_value: 20000", "max_value: 20000\n                strict_max: true");
        String kwargs = "schema[transactions].properties[amount].quality[expect_column_values_to_be_between]"
                + ".implementation.kwargs.";

        assertThat(diff(base(), narrower).changes()).extracting(Change::path, Change::impact, Change::reason)
                .containsExactly(tuple(kwargs + "max_value", Impact.BREAKING, "in amount's "
                        + "expect_column_values_to_be_between rule, max_value lowered from 20000 to 15000: data that "
                        + "passes the rule today could fail it"));
        assertThat(diff(base(), strict).changes()).extracting(Change::path, Change::kind, Change::impact,
                Change::reason).containsExactly(tuple(kwargs + "strict_max", ChangeKind.ADDED, Impact.BREAKING,
                        "in amount's expect_column_values_to_be_between rule, max_value of 20000 is now exclusive: "
                                + "data that passes the rule today could fail it"));
        assertThat(diff(narrower, base()).changes()).extracting(Change::impact).containsExactly(Impact.ADDITIVE);
    }

    @Test
    void aShrunkValueSetIsBreakingAndAGrownOneAdditive() {
        String path = "schema[transactions].properties[channel].quality[expect_column_values_to_be_in_set]"
                + ".implementation.kwargs.value_set";

        assertThat(diff(demo(), edit(demo(), "[web, mobile, pos]", "[web, pos]")).changes())
                .extracting(Change::path, Change::impact, Change::reason)
                .containsExactly(tuple(path, Impact.BREAKING, "in channel's expect_column_values_to_be_in_set rule, "
                        + "value_set loses mobile: data that passes the rule today could fail it"));
        assertThat(diff(demo(), edit(demo(), "[web, mobile, pos]", "[web, mobile, pos, kiosk]")).changes())
                .extracting(Change::impact, Change::reason)
                .containsExactly(tuple(Impact.ADDITIVE, "in channel's expect_column_values_to_be_in_set rule, "
                        + "value_set gains kiosk: data that fails the rule today could pass it"));
        assertThat(diff(demo(), edit(demo(), "[web, mobile, pos]", "[pos, web, mobile]")).changes())
                .extracting(Change::impact).containsExactly(Impact.DOCUMENTATION);
    }

    @Test
    void swappingAValidValueIsBreaking() {
        ContractDiff diff = diff(demo(), edit(demo(), "[USD, EUR, GBP]", "[USD, EUR, CHF]"));

        assertThat(diff.changes()).extracting(Change::path, Change::impact, Change::reason)
                .containsExactly(tuple("schema[transactions].properties[currency].quality[invalidValues].arguments"
                        + ".validValues", Impact.BREAKING, "in currency's invalidValues rule, validValues loses GBP "
                                + "and gains CHF: data that passes the rule today could fail it"));
    }

    @Test
    void aLowerFailureAllowanceIsBreakingEvenWhenTheOperatorChanges() {
        ContractDiff diff = diff(base(), edit(base(), "mustBeLessThan: 5", "mustBeLessOrEqualTo: 2"));

        assertThat(diff.changes()).extracting(Change::path, Change::kind, Change::impact, Change::reason,
                Change::activeLine, Change::proposedLine).containsExactly(tuple(
                        "schema[transactions].properties[processing_time].quality[nullValues].mustBeLessOrEqualTo",
                        ChangeKind.CHANGED, Impact.BREAKING, "in processing_time's nullValues rule, the threshold "
                                + "tightened from mustBeLessThan 5 to mustBeLessOrEqualTo 2: data that passes the "
                                + "rule today could fail it", 120, 120));
        assertThat(diff.changes().get(0)).extracting(c -> c.before().toString(), c -> c.after().toString())
                .containsExactly("{\"mustBeLessThan\":5}", "{\"mustBeLessOrEqualTo\":2}");
    }

    @Test
    void aHigherFailureAllowanceIsAdditive() {
        assertThat(diff(base(), edit(base(), "mustBeLessThan: 5", "mustBeLessThan: 10")).changes())
                .extracting(Change::impact, Change::reason)
                .containsExactly(tuple(Impact.ADDITIVE, "in processing_time's nullValues rule, the threshold relaxed "
                        + "from mustBeLessThan 5 to mustBeLessThan 10: data that fails the rule today could pass it"));
    }

    @Test
    void mustBeBetweenExcludesItsEndsSoMovingToItFromAnInclusiveBoundIsBreaking() {
        String between = edit(base(), "mustBeGreaterThan: 0", "mustBeBetween: [0, 1000000]");
        String inclusive = edit(base(), "mustBeGreaterThan: 0", "mustBeGreaterOrEqualTo: 1");

        assertThat(diff(base(), between).changes()).extracting(Change::path, Change::impact, Change::reason)
                .containsExactly(tuple("schema[transactions].quality[rowCount].mustBeBetween", Impact.BREAKING,
                        "in transactions's rowCount rule, the threshold tightened from mustBeGreaterThan 0 to "
                                + "mustBeBetween [0,1000000]: data that passes the rule today could fail it"));
        assertThat(diff(inclusive, edit(base(), "mustBeGreaterThan: 0", "mustBeBetween: [1, 1000000]"))
                .changes()).extracting(Change::impact).containsExactly(Impact.BREAKING);
        assertThat(diff(between, base()).changes()).extracting(Change::impact).containsExactly(Impact.ADDITIVE);
    }

    @Test
    void replacingTheDriftBaselineIsBreaking() {
        ContractDiff diff = diff(base(), edit(base(), "shares: [0.1, 0.2, 0.3, 0.25, 0.15]",
                "shares: [0.1, 0.2, 0.3, 0.2, 0.2]"));

        assertThat(diff.changes()).extracting(Change::path, Change::impact, Change::reason, Change::proposedLine)
                .containsExactly(tuple("customProperties[plumbline.baseline].value", Impact.BREAKING,
                        "plumbline.baseline replaced: drift would be measured against a different frozen reference, "
                                + "so data that passes today could raise drift", 26));
    }

    @Test
    void movingTheEventTimeFieldIsBreaking() {
        assertThat(diff(demo(), edit(demo(), "value: event_time", "value: created_at")).changes())
                .extracting(Change::path, Change::impact, Change::reason)
                .containsExactly(tuple("customProperties[eventTimeField].value", Impact.BREAKING,
                        "eventTimeField changed from event_time to created_at: point-in-time joins and features would "
                                + "read a different clock"));
    }
}
