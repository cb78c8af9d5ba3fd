package dev.plumbline.contract;

import static dev.plumbline.contract.DiffFixtures.base;
import static dev.plumbline.contract.DiffFixtures.demo;
import static dev.plumbline.contract.DiffFixtures.diff;
import static dev.plumbline.contract.DiffFixtures.edit;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.fasterxml.jackson.databind.node.IntNode;
import org.junit.jupiter.api.Test;

class ConstraintChangesTest {

    private static final String AMOUNT_OPTIONS =
            "logicalTypeOptions:\n          minimum: 0\n          maximum: 100000\n";

    @Test
    void loweringAMaximumIsBreaking() {
        ContractDiff diff = diff(demo(), edit(demo(), "maximum: 100000", "maximum: 5000"));

        assertThat(diff.changes()).extracting(Change::path, Change::kind, Change::before, Change::after,
                Change::activeLine, Change::proposedLine, Change::impact, Change::reason)
                .containsExactly(tuple("schema[transactions].properties[amount].logicalTypeOptions.maximum",
                        ChangeKind.CHANGED, IntNode.valueOf(100000), IntNode.valueOf(5000), 47, 47, Impact.BREAKING,
                        "amount's maximum lowered from 100000 to 5000: records valid today would be rejected"));
    }

    @Test
    void raisingAMaximumOrRemovingAMinimumIsAdditive() {
        String proposed = edit(demo(), AMOUNT_OPTIONS, "logicalTypeOptions:\n          maximum: 200000\n");

        assertThat(diff(demo(), proposed).changes()).extracting(Change::path, Change::kind, Change::impact,
                Change::reason).containsExactly(
                        tuple("schema[transactions].properties[amount].logicalTypeOptions.maximum",
                                ChangeKind.CHANGED, Impact.ADDITIVE, "amount's maximum raised from 100000 to 200000: "
                                        + "records rejected today would be accepted"),
                        tuple("schema[transactions].properties[amount].logicalTypeOptions.minimum",
                                ChangeKind.REMOVED, Impact.ADDITIVE, "amount's minimum of 0 removed: records "
                                        + "rejected today would be accepted"));
    }

    @Test
    void makingAnInclusiveBoundExclusiveIsBreakingAndBackAdditive() {
        String exclusive = edit(demo(), "minimum: 0", "exclusiveMinimum: 0");

        assertThat(diff(demo(), exclusive).changes()).extracting(Change::path, Change::activeLine,
                Change::proposedLine, Change::impact, Change::reason)
                .containsExactly(tuple("schema[transactions].properties[amount].logicalTypeOptions.exclusiveMinimum",
                        46, 46, Impact.BREAKING,
                        "amount's minimum of 0 is now exclusive: records valid today would be rejected"));
        assertThat(diff(demo(), exclusive).changes().get(0)).extracting(c -> c.before().toString(),
                c -> c.after().toString()).containsExactly("{\"minimum\":0}", "{\"exclusiveMinimum\":0}");
        assertThat(diff(exclusive, demo()).changes()).extracting(Change::impact).containsExactly(Impact.ADDITIVE);
    }

    @Test
    void anExclusiveBoundBelowTheOldInclusiveOneIsLooser() {
        String proposed = edit(demo(), "minimum: 0", "exclusiveMinimum: -1");

        assertThat(diff(demo(), proposed).changes()).extracting(Change::impact, Change::reason)
                .containsExactly(tuple(Impact.ADDITIVE, "amount's minimum changed from 0 to -1 (exclusive): records "
                        + "rejected today would be accepted"));
    }

    @Test
    void writingTheSameBoundDifferentlyIsNoChange() {
        assertThat(diff(demo(), edit(demo(), "maximum: 100000", "maximum: 100000.0")).changes()).isEmpty();
    }

    @Test
    void tighteningALengthOrAddingAPatternIsBreakingAndDroppingThemAdditive() {
        String country = "ISO 3166-1 alpha-2 code of the merchant's country.\n        required: false\n";
        String strict = edit(demo(), country, country
                + "        logicalTypeOptions:\n          maxLength: 2\n          pattern: '^[A-Z]{2}$'\n");

        assertThat(diff(demo(), strict).changes()).extracting(Change::path, Change::impact, Change::reason)
                .containsExactly(
                        tuple("schema[transactions].properties[country].logicalTypeOptions.maxLength",
                                Impact.BREAKING, "country's maximum length set to 2: records valid today would be "
                                        + "rejected"),
                        tuple("schema[transactions].properties[country].logicalTypeOptions.pattern", Impact.BREAKING,
                                "country's pattern set to ^[A-Z]{2}$: records valid today would be rejected"));
        String loose = edit(strict, "maxLength: 2", "maxLength: 3");
        assertThat(diff(strict, loose).changes()).extracting(Change::path, Change::impact, Change::reason)
                .containsExactly(tuple("schema[transactions].properties[country].logicalTypeOptions.maxLength",
                        Impact.ADDITIVE, "country's maximum length raised from 2 to 3: records rejected today would be "
                                + "accepted"));
        String other = edit(strict, "pattern: '^[A-Z]{2}$'", "pattern: '^[A-Z]{2,3}$'");
        assertThat(diff(strict, other).changes()).extracting(Change::impact, Change::reason)
                .containsExactly(tuple(Impact.BREAKING, "country's pattern changed from "
                        + "^[A-Z]{2}$ to ^[A-Z]{2,3}$: records valid today would be rejected"));
        String unpatterned = edit(strict, "          pattern: '^[A-Z]{2}$'\n", "");
        assertThat(diff(strict, unpatterned).changes()).extracting(Change::impact, Change::kind)
                .containsExactly(tuple(Impact.ADDITIVE, ChangeKind.REMOVED));
    }

    @Test
    void makingAFieldUniqueIsBreakingAndDroppingItAdditive() {
        String unique = edit(demo(), "Identifier of the paying customer.\n        required: true\n",
                "Identifier of the paying customer.\n        required: true\n        unique: true\n");

        assertThat(diff(demo(), unique).changes()).extracting(Change::path, Change::kind, Change::impact,
                Change::reason).containsExactly(tuple("schema[transactions].properties[customer_id].unique",
                        ChangeKind.ADDED, Impact.BREAKING,
                        "customer_id must now be unique: a value accepted before would be rejected"));
        assertThat(diff(unique, demo()).changes()).extracting(Change::impact, Change::reason)
                .containsExactly(tuple(Impact.ADDITIVE,
                        "customer_id no longer has to be unique: repeated values would be accepted"));
    }

    @Test
    void changingAUnitIsBreaking() {
        ContractDiff diff = diff(base(), edit(base(), "value: ms", "value: s"));

        assertThat(diff.changes()).extracting(Change::path, Change::impact, Change::reason, Change::proposedLine)
                .containsExactly(tuple("schema[transactions].properties[processing_time].customProperties[unit].value",
                        Impact.BREAKING, "processing_time's unit changed from ms to s: the same numbers would be read "
                                + "in a different unit", 117));
    }

    @Test
    void declaringACurrencyIsBreaking() {
        String proposed = edit(demo(), "        description: Amount charged, in the transaction currency.\n",
                "        description: Amount charged, in the transaction currency.\n        customProperties:\n"
                        + "          - property: currency\n            value: EUR\n");

        assertThat(diff(demo(), proposed).changes()).extracting(Change::path, Change::kind, Change::impact,
                Change::reason).containsExactly(tuple(
                        "schema[transactions].properties[amount].customProperties[currency]", ChangeKind.ADDED,
                        Impact.BREAKING, "amount's currency set to EUR: the same numbers would be read in a different "
                                + "currency"));
    }
}
