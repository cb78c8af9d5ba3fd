package dev.plumbline.access;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PasswordHashTest {

    @Test
    void theSamePasswordHashesDifferentlyEachTimeAndVerifiesBothWays() {
        String first = PasswordHash.hash("correct horse".toCharArray());
        String second = PasswordHash.hash("correct horse".toCharArray());
        assertThat(first).isNotEqualTo(second);
        assertThat(PasswordHash.verify("correct horse".toCharArray(), first)).isTrue();
        assertThat(PasswordHash.verify("correct horse".toCharArray(), second)).isTrue();
        assertThat(PasswordHash.verify("correct horsf".toCharArray(), first)).isFalse();
    }

    @Test
    void theHashNamesItsAlgorithmAndSlowIterationCount() {
        String[] parts = PasswordHash.hash("pw".toCharArray()).split("\\$");
        assertThat(parts).hasSize(4);
        assertThat(parts[0]).isEqualTo("pbkdf2-sha256");
        assertThat(Integer.parseInt(parts[1])).isGreaterThanOrEqualTo(210_000);
    }

    @Test
    void aMalformedStoredValueNeverMatches() {
        assertThat(PasswordHash.verify("pw".toCharArray(), "plain-text-pw")).isFalse();
        assertThat(PasswordHash.verify("pw".toCharArray(), null)).isFalse();
        assertThat(PasswordHash.verify("pw".toCharArray(), "md5$1$abc$def")).isFalse();
    }
}
