package dev.plumbline.contract;

import static dev.plumbline.contract.DiffFixtures.base;
import static dev.plumbline.contract.DiffFixtures.demo;
import static dev.plumbline.contract.DiffFixtures.diff;
import static dev.plumbline.contract.DiffFixtures.edit;
import static dev.plumbline.contract.DiffFixtures.fixture;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import org.junit.jupiter.api.Test;

class ContractDiffTest {

    @Test
    void aCombinedDiffListsEveryChangeOrderedByPath() {
        ContractDiff diff = diff(base(), fixture("transactions-2.0.0.odcs.yaml"));

        assertThat(diff.changes()).extracting(Change::path, Change::impact, Change::activeLine, Change::proposedLine)
                .containsExactly(
                        tuple("schema[transactions].properties[amount].logicalTypeOptions.maximum", Impact.BREAKING,
                                57, 57),
                        tuple("schema[transactions].properties[channel].quality[expect_column_values_to_be_in_set]"
                                + ".implementation.kwargs.value_set", Impact.ADDITIVE, 106, 106),
                        tuple("schema[transactions].properties[country].required", Impact.BREAKING, 110, 110),
                        tuple("schema[transactions].properties[customer_id].description", Impact.DOCUMENTATION, 49,
                                49),
                        tuple("schema[transactions].properties[wallet_provider]", Impact.ADDITIVE, 0, 122));
    }

    @Test
    void theImpactIsTheHighestOfAnyChangeAndSetsTheRequiredBump() {
        ContractDiff diff = diff(base(), fixture("transactions-2.0.0.odcs.yaml"));

        assertThat(diff.impact()).isEqualTo(Impact.BREAKING);
        assertThat(diff.requiredBump("1.4.0")).isEqualTo(new SemanticVersion(2, 0, 0));
        assertThat(diff.changes(Impact.BREAKING)).extracting(Change::reason).containsExactly(
                "amount's maximum lowered from 100000 to 5000: records valid today would be rejected",
                "country is now required: records without it would be rejected");
    }

    @Test
    void anAdditiveDiffNeedsTheNextMinorVersion() {
        ContractDiff diff = diff(base(), edit(base(), "[web, mobile, pos]", "[web, mobile, pos, kiosk]"));

        assertThat(diff.impact()).isEqualTo(Impact.ADDITIVE);
        assertThat(diff.requiredBump("1.4.2")).hasToString("1.5.0");
    }

    @Test
    void anEmptyDiffStillNeedsAPatch() {
        ContractDiff diff = diff(demo(), demo());

        assertThat(diff.isEmpty()).isTrue();
        assertThat(diff.impact()).isEqualTo(Impact.DOCUMENTATION);
        assertThat(diff.requiredBump("1.0.0")).hasToString("1.0.1");
    }
}
