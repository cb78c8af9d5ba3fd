package dev.plumbline.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SemanticVersionTest {

    @Test
    void parsesThreeNumbers() {
        assertThat(SemanticVersion.parse("1.4.2")).isEqualTo(new SemanticVersion(1, 4, 2));
        assertThat(SemanticVersion.parse("10.0.17")).hasToString("10.0.17");
    }

    @Test
    void comparesNumericallyPartByPart() {
        assertThat(SemanticVersion.parse("1.10.0")).isGreaterThan(SemanticVersion.parse("1.9.9"));
        assertThat(SemanticVersion.parse("2.0.0").isAfter(SemanticVersion.parse("1.99.99"))).isTrue();
        assertThat(SemanticVersion.parse("1.4.2")).isEqualByComparingTo(new SemanticVersion(1, 4, 2));
    }

    @Test
    void bumpingResetsTheLowerParts() {
        SemanticVersion version = SemanticVersion.parse("1.4.2");

        assertThat(version.bumpMajor()).hasToString("2.0.0");
        assertThat(version.bumpMinor()).hasToString("1.5.0");
        assertThat(version.bumpPatch()).hasToString("1.4.3");
        assertThat(version.bump(Impact.BREAKING)).hasToString("2.0.0");
        assertThat(version.bump(Impact.ADDITIVE)).hasToString("1.5.0");
        assertThat(version.bump(Impact.DOCUMENTATION)).hasToString("1.4.3");
    }

    @ParameterizedTest
    @ValueSource(strings = {"1.4", "v1.4.2", "01.4.2", "1.4.2-rc.1", "1.4.2.0", "one.two.three", "", "1.-4.2",
            "9999999999.0.0"})
    void refusesAnythingButMajorMinorPatch(String garbage) {
        assertThatThrownBy(() -> SemanticVersion.parse(garbage)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("version \"" + garbage + "\" is not a semantic version: expected MAJOR.MINOR.PATCH such "
                        + "as 1.4.2, three numbers without leading zeros, prefix or suffix");
    }

    @Test
    void refusesNothing() {
        assertThatThrownBy(() -> SemanticVersion.parse(null)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("version \"null\" is not a semantic version");
    }
}
