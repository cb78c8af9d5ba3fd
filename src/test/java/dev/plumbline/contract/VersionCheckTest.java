package dev.plumbline.contract;

import static dev.plumbline.contract.DiffFixtures.base;
import static dev.plumbline.contract.DiffFixtures.demo;
import static dev.plumbline.contract.DiffFixtures.diff;
import static dev.plumbline.contract.DiffFixtures.edit;
import static dev.plumbline.contract.DiffFixtures.fixture;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class VersionCheckTest {

    private final ContractDiff breaking = diff(base(), fixture("transactions-2.0.0.odcs.yaml"));
    private final ContractDiff additive = diff(base(), edit(base(), "[web, mobile, pos]", "[web, mobile, pos, kiosk]"));
    private final ContractDiff documentation = diff(demo(), fixture("transactions-documentation-only.odcs.yaml"));

    @Test
    void aBreakingChangeUnderAMinorBumpIsRefusedWithTheBreakingChanges() {
        assertThatThrownBy(() -> VersionCheck.verify("1.4.0", "1.5.0", breaking))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("a breaking change needs 2.0.0 or later, not 1.5.0: amount's maximum lowered from 100000 "
                        + "to 5000: records valid today would be rejected "
                        + "(schema[transactions].properties[amount].logicalTypeOptions.maximum, line 57); "
                        + "country is now required: records without it would be rejected "
                        + "(schema[transactions].properties[country].required, line 110)");
    }

    @Test
    void anAdditiveChangeUnderAPatchBumpIsRefused() {
        assertThatThrownBy(() -> VersionCheck.verify("1.4.0", "1.4.1", additive))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("an additive change needs 1.5.0 or later, not 1.4.1: in channel's "
                        + "expect_column_values_to_be_in_set rule, value_set gains kiosk");
    }

    @Test
    void aVersionNotAfterTheActiveOneIsRefused() {
        assertThatThrownBy(() -> VersionCheck.verify("1.4.0", "1.4.0", documentation))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("version 1.4.0 must be greater than the active version 1.4.0");
        assertThatThrownBy(() -> VersionCheck.verify("1.4.0", "1.3.9", documentation))
                .hasMessage("version 1.3.9 must be greater than the active version 1.4.0");
    }

    @Test
    void theExactBumpAndABiggerOneAreAccepted() {
        assertThatCode(() -> VersionCheck.verify("1.4.0", "2.0.0", breaking)).doesNotThrowAnyException();
        assertThatCode(() -> VersionCheck.verify("1.4.0", "1.5.0", additive)).doesNotThrowAnyException();
        assertThatCode(() -> VersionCheck.verify("1.4.0", "2.0.0", additive)).doesNotThrowAnyException();
        assertThatCode(() -> VersionCheck.verify("1.0.0", "1.0.1", documentation)).doesNotThrowAnyException();
        assertThatCode(() -> VersionCheck.verify("1.0.0", "1.1.0", documentation)).doesNotThrowAnyException();
    }

    @Test
    void aGarbageVersionIsRefusedWithTheParserMessage() {
        assertThatThrownBy(() -> VersionCheck.verify("1.4.0", "2.0", breaking))
                .hasMessageStartingWith("version \"2.0\" is not a semantic version");
    }
}
