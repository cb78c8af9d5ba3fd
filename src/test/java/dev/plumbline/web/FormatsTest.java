package dev.plumbline.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class FormatsTest {

    @Test
    void sharesReadAsPercentagesWithTwoDecimals() {
        assertThat(Formats.percent(0.98765)).isEqualTo("98.77%");
        assertThat(Formats.percent(1.0)).isEqualTo("100.00%");
        assertThat(Formats.percent(null)).isEqualTo("—");
    }

    @Test
    void textsInALinksQueryAreEncodedSoTheyStayOneValue() {
        assertThat(Formats.query("c-1 & c-2?")).isEqualTo("c-1+%26+c-2%3F");
        assertThat(Formats.query(null)).isEmpty();
    }

    @Test
    void delaysReadInTheLargestSensibleUnit() {
        assertThat(Formats.duration(950L)).isEqualTo("950 ms");
        assertThat(Formats.duration(4200L)).isEqualTo("4.2 s");
        assertThat(Formats.duration(185_000L)).isEqualTo("3 min 5 s");
        assertThat(Formats.duration(9_000_000L)).isEqualTo("2 h 30 min");
        assertThat(Formats.duration(3L * 86_400_000 + 7_200_000)).isEqualTo("3 d 2 h");
        assertThat(Formats.duration(null)).isEqualTo("—");
    }

    @Test
    void instantsReadAsTimeAgo() {
        assertThat(Formats.ago(Instant.now().minusSeconds(125))).startsWith("2 min 5 s").endsWith(" ago");
        assertThat(Formats.ago(null)).isEqualTo("—");
    }
}
