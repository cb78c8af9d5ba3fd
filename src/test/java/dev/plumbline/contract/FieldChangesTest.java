package dev.plumbline.contract;

import static dev.plumbline.contract.DiffFixtures.base;
import static dev.plumbline.contract.DiffFixtures.demo;
import static dev.plumbline.contract.DiffFixtures.diff;
import static dev.plumbline.contract.DiffFixtures.edit;
import static dev.plumbline.contract.DiffFixtures.fixture;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.fasterxml.jackson.databind.node.TextNode;
import org.junit.jupiter.api.Test;

class FieldChangesTest {

    private static final String COUNTRY = """
                  - name: country
                    logicalType: string
                    description: ISO 3166-1 alpha-2 code of the merchant's country.
                    required: false
            """;

    @Test
    void removingAFieldIsBreaking() {
        ContractDiff diff = diff(demo(), edit(demo(), COUNTRY, ""));

        assertThat(diff.changes()).extracting(Change::path, Change::kind, Change::impact, Change::reason,
                Change::activeLine, Change::proposedLine)
                .containsExactly(tuple("schema[transactions].properties[country]", ChangeKind.REMOVED, Impact.BREAKING,
                        "country removed: consumers reading it would no longer find it", 87, 29));
        assertThat(diff.changes().get(0).after()).isNull();
        assertThat(diff.changes().get(0).before().path("logicalType").asText()).isEqualTo("string");
    }

    @Test
    void aFieldWithTheSameDefinitionUnderASimilarNameIsOneRenamedField() {
        ContractDiff diff = diff(demo(), fixture("transactions-amount-renamed.odcs.yaml"));

        assertThat(diff.changes()).extracting(Change::path, Change::kind, Change::impact, Change::reason)
                .containsExactly(
                        tuple("schema[transactions].properties[amount_charged]", ChangeKind.RENAMED, Impact.BREAKING,
                                "amount renamed to amount_charged: consumers reading amount would no longer find it"),
                        tuple("schema[transactions].properties[amount_charged].description", ChangeKind.CHANGED,
                                Impact.DOCUMENTATION, "amount_charged's description changed from Amount charged, in "
                                        + "the transaction currency. to Amount charged to the customer, in the "
                                        + "transaction currency.: documentation only, the data accepted is unchanged"));
        assertThat(diff.changes().get(0)).extracting(Change::before, Change::after, Change::activeLine,
                Change::proposedLine).containsExactly(TextNode.valueOf("amount"), TextNode.valueOf("amount_charged"),
                41, 41);
    }

    @Test
    void aFieldWithTheSameDefinitionUnderAnUnrelatedNameIsARemovalAndAnAddition() {
        ContractDiff diff = diff(demo(), edit(demo(), "- name: country", "- name: region"));

        assertThat(diff.changes()).extracting(Change::path, Change::kind, Change::impact)
                .containsExactly(
                        tuple("schema[transactions].properties[country]", ChangeKind.REMOVED, Impact.BREAKING),
                        tuple("schema[transactions].properties[region]", ChangeKind.ADDED, Impact.ADDITIVE));
    }

    @Test
    void aSimilarNameWithADifferentDefinitionIsNotARename() {
        String proposed = edit(demo(), COUNTRY, COUNTRY.replace("name: country", "name: country_code")
                .replace("required: false", "required: false\n        logicalTypeOptions:\n          maxLength: 2"));

        assertThat(diff(demo(), proposed).changes()).extracting(Change::path, Change::kind)
                .containsExactly(tuple("schema[transactions].properties[country]", ChangeKind.REMOVED),
                        tuple("schema[transactions].properties[country_code]", ChangeKind.ADDED));
    }

    @Test
    void aNewOptionalFieldIsAdditive() {
        ContractDiff diff = diff(demo(), demo() + "      - name: wallet\n        logicalType: string\n");

        assertThat(diff.changes()).extracting(Change::path, Change::kind, Change::impact, Change::reason,
                Change::activeLine, Change::proposedLine)
                .containsExactly(tuple("schema[transactions].properties[wallet]", ChangeKind.ADDED, Impact.ADDITIVE,
                        "new optional field wallet: records sent today stay valid", 0, 91));
    }

    @Test
    void aNewRequiredFieldIsBreaking() {
        ContractDiff diff = diff(demo(), demo() + "      - name: wallet\n        logicalType: string\n"
                + "        required: true\n");

        assertThat(diff.changes()).extracting(Change::path, Change::impact, Change::reason)
                .containsExactly(tuple("schema[transactions].properties[wallet]", Impact.BREAKING,
                        "new required field wallet: records sent today lack it and would be rejected"));
    }

    @Test
    void makingAFieldRequiredIsBreakingAndOptionalAgainAdditive() {
        String required = edit(demo(), COUNTRY, COUNTRY.replace("required: false", "required: true"));

        assertThat(diff(demo(), required).changes()).extracting(Change::path, Change::impact, Change::reason)
                .containsExactly(tuple("schema[transactions].properties[country].required", Impact.BREAKING,
                        "country is now required: records without it would be rejected"));
        assertThat(diff(required, demo()).changes()).extracting(Change::impact, Change::reason)
                .containsExactly(tuple(Impact.ADDITIVE,
                        "country is no longer required: records without it would be accepted"));
    }

    @Test
    void narrowingATypeIsBreaking() {
        ContractDiff diff = diff(demo(), edit(demo(), "logicalType: number", "logicalType: integer"));

        assertThat(diff.changes()).extracting(Change::path, Change::kind, Change::impact, Change::reason)
                .containsExactly(tuple("schema[transactions].properties[amount].logicalType", ChangeKind.CHANGED,
                        Impact.BREAKING, "amount's type narrowed from number to integer: records valid today would "
                                + "be rejected"));
    }

    @Test
    void turningTextIntoATimestampIsBreaking() {
        String proposed = edit(demo(), COUNTRY, COUNTRY.replace("logicalType: string", "logicalType: timestamp"));

        assertThat(diff(demo(), proposed).changes()).extracting(Change::impact, Change::reason)
                .containsExactly(tuple(Impact.BREAKING,
                        "country's type narrowed from string to timestamp: records valid today would be rejected"));
    }

    @Test
    void wideningATypeIsAdditive() {
        ContractDiff diff = diff(base(), edit(base(), "logicalType: integer", "logicalType: number"));

        assertThat(diff.changes()).extracting(Change::path, Change::impact, Change::reason)
                .containsExactly(tuple("schema[transactions].properties[processing_time].logicalType",
                        Impact.ADDITIVE, "processing_time's type widened from integer to number: every record "
                                + "valid today stays valid"));
    }

    @Test
    void removingASchemaObjectIsBreakingAndAddingOneAdditive() {
        String second = demo() + "  - name: refunds\n    properties:\n      - name: refund_id\n"
                + "        logicalType: string\n";

        assertThat(diff(second, demo()).changes()).extracting(Change::path, Change::kind, Change::impact)
                .containsExactly(tuple("schema[refunds]", ChangeKind.REMOVED, Impact.BREAKING));
        assertThat(diff(demo(), second).changes()).extracting(Change::path, Change::kind, Change::impact)
                .containsExactly(tuple("schema[refunds]", ChangeKind.ADDED, Impact.ADDITIVE));
    }
}
