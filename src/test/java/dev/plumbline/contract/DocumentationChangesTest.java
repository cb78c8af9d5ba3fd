package dev.plumbline.contract;

import static dev.plumbline.contract.DiffFixtures.demo;
import static dev.plumbline.contract.DiffFixtures.diff;
import static dev.plumbline.contract.DiffFixtures.edit;
import static dev.plumbline.contract.DiffFixtures.fixture;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import org.junit.jupiter.api.Test;

class DocumentationChangesTest {

    @Test
    void descriptionsTagsSupportTeamDefinitionsAndExamplesAreDocumentation() {
        ContractDiff diff = diff(demo(), fixture("transactions-documentation-only.odcs.yaml"));

        assertThat(diff.changes()).extracting(Change::path, Change::kind, Change::proposedLine)
                .containsExactly(
                        tuple("description.purpose", ChangeKind.CHANGED, 9),
                        tuple("schema[transactions].properties[amount].authoritativeDefinitions", ChangeKind.ADDED,
                                45),
                        tuple("schema[transactions].properties[amount].description", ChangeKind.CHANGED, 44),
                        tuple("schema[transactions].properties[currency].examples", ChangeKind.ADDED, 55),
                        tuple("schema[transactions].tags", ChangeKind.ADDED, 28),
                        tuple("support[payments-data].description", ChangeKind.CHANGED, 19),
                        tuple("team.description", ChangeKind.CHANGED, 14));
        assertThat(diff.changes()).extracting(Change::impact).containsOnly(Impact.DOCUMENTATION);
        assertThat(diff.impact()).isEqualTo(Impact.DOCUMENTATION);
        assertThat(diff.requiredBump("1.0.0")).hasToString("1.0.1");
    }

    @Test
    void aDocumentationReasonSaysWhatChangedAndThatTheDataAcceptedIsUnchanged() {
        ContractDiff diff = diff(demo(), edit(demo(), "  name: payments-data\n", "  name: payments-platform\n"));

        assertThat(diff.changes()).extracting(Change::path, Change::impact, Change::reason)
                .containsExactly(tuple("team.name", Impact.DOCUMENTATION, "team.name changed from payments-data to "
                        + "payments-platform: documentation only, the data accepted is unchanged"));
    }

    @Test
    void reorderingPropertiesOrChangingTheVersionAndStatusIsNoChange() {
        String country = """
                      - name: country
                        logicalType: string
                        description: ISO 3166-1 alpha-2 code of the merchant's country.
                        required: false
                """;
        String reordered = edit(edit(demo(), country, ""), "    properties:\n", "    properties:\n" + country);

        assertThat(diff(demo(), edit(edit(reordered, "version: 1.0.0", "version: 1.0.1"), "status: active",
                "status: proposed")).changes()).isEmpty();
    }

    @Test
    void anUnmodelledFieldInTheSchemaCountsAsBreaking() {
        ContractDiff diff = diff(demo(), edit(demo(), "primaryKeyPosition: 1", "primaryKeyPosition: 2"));

        assertThat(diff.changes()).extracting(Change::path, Change::impact, Change::reason)
                .containsExactly(tuple("schema[transactions].properties[transaction_id].primaryKeyPosition",
                        Impact.BREAKING, "transaction_id's primaryKeyPosition changed from 1 to 2: Plumbline cannot "
                                + "tell how this changes the data accepted, so it counts as breaking"));
    }

    @Test
    void anUnmodelledFieldOutsideTheSchemaIsDocumentation() {
        ContractDiff diff = diff(demo(), edit(demo(), "domain: payments", "domain: payments\nslaProperties:\n"
                + "  - property: latency\n    value: 4\n    unit: d"));

        assertThat(diff.changes()).extracting(Change::path, Change::kind, Change::impact)
                .containsExactly(tuple("slaProperties", ChangeKind.ADDED, Impact.DOCUMENTATION));
    }

    @Test
    void anUnknownCustomPropertyOfTheContractIsDocumentationAndOfAPropertyBreaking() {
        String contractLevel = edit(demo(), "customProperties:\n", "customProperties:\n  - property: owner\n"
                + "    value: ana\n");
        String propertyLevel = edit(demo(), "        description: Amount charged, in the transaction currency.\n",
                "        description: Amount charged, in the transaction currency.\n        customProperties:\n"
                        + "          - property: rounding\n            value: half-even\n");

        assertThat(diff(demo(), contractLevel).changes()).extracting(Change::path, Change::impact)
                .containsExactly(tuple("customProperties[owner]", Impact.DOCUMENTATION));
        assertThat(diff(demo(), propertyLevel).changes()).extracting(Change::path, Change::impact)
                .containsExactly(tuple("schema[transactions].properties[amount].customProperties[rounding]",
                        Impact.BREAKING));
    }
}
