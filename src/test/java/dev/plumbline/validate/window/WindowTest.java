package dev.plumbline.validate.window;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class WindowTest {

    @Test
    void durationsAndBatchCountsAreReadAsWritten() {
        assertThat(Window.parse("15m")).isEqualTo(new Window(Duration.ofMinutes(15), null));
        assertThat(Window.parse("1h").describe()).isEqualTo("1h");
        assertThat(Window.parse("2d").span()).isEqualTo(Duration.ofDays(2));
        assertThat(Window.parse("90s").describe()).isEqualTo("1m30s");
        assertThat(Window.parse("PT1H30M").span()).isEqualTo(Duration.ofMinutes(90));
        assertThat(Window.parse("10 batches")).isEqualTo(new Window(null, 10));
        assertThat(Window.parse("1 batch").describe()).isEqualTo("1 batch");
    }

    @Test
    void anythingElseIsRefusedWithWhatIsExpected() {
        assertThatThrownBy(() -> Window.parse("an hour")).hasMessageContaining("15m, 1h, 2d or PT1H");
        assertThatThrownBy(() -> Window.parse("0 batches")).hasMessageContaining("at least 1 batch");
        assertThatThrownBy(() -> Window.parse("0m")).hasMessageContaining("longer than zero");
    }
}
