package dev.plumbline.validate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class SuiteParameterTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2024-03-14T09:30:00Z"), ZoneId.of("Europe/Paris"));

    @Test
    void nowIsTheValidationTimeInUtc() {
        assertThat(evaluate("now()").textValue()).isEqualTo("2024-03-14T09:30:00");
    }

    @Test
    void timestampsShiftByTimeSpans() {
        assertThat(evaluate("now() - timedelta(weeks=52)").textValue()).isEqualTo("2023-03-16T09:30:00");
        assertThat(evaluate("now() - timedelta(weeks=52*100)").textValue()).isEqualTo("1924-07-17T09:30:00");
        assertThat(evaluate("datetime(1969, 1, 1) + timedelta(days=1, hours=2, minutes=3, seconds=4.5)")
                .textValue()).isEqualTo("1969-01-02T02:03:04.5");
        assertThat(evaluate("datetime(2003, 1, 1, 12, 0, 1)").textValue()).isEqualTo("2003-01-01T12:00:01");
    }

    @Test
    void numbersFollowArithmeticPrecedence() {
        assertThat(evaluate("2 + 3 * (4 - 1) / 2").decimalValue()).isEqualByComparingTo(new BigDecimal("6.5"));
        assertThat(evaluate("-5").decimalValue()).isEqualByComparingTo(new BigDecimal("-5"));
    }

    @Test
    void refusesWhatNeedsAValueSuppliedAtRunTime() {
        assertThatThrownBy(() -> evaluate("upstream_row_count * 0.9"))
                .hasMessageContaining("refers to suite parameter \"upstream_row_count\"");
        assertThatThrownBy(() -> evaluate("timedelta(days=1)")).hasMessageContaining("time span");
        assertThatThrownBy(() -> evaluate("now() + now()")).hasMessageContaining("cannot add a timestamp");
        assertThatThrownBy(() -> evaluate("timedelta(fortnights=1)")).hasMessageContaining("takes weeks");
        assertThatThrownBy(() -> evaluate("1 / 0")).hasMessageContaining("divides by zero");
        assertThatThrownBy(() -> evaluate("2 2")).hasMessageContaining("unexpected \"2\"");
        assertThatThrownBy(() -> evaluate("now(")).hasMessageContaining("ends too early");
        assertThatThrownBy(() -> evaluate("1 % 2")).hasMessageContaining("cannot read \"% 2\"");
    }

    @Test
    void recognisesOnlyASingleParameterKey() {
        JsonNodeFactory json = JsonNodeFactory.instance;
        assertThat(SuiteParameter.is(json.objectNode().put("$PARAMETER", "now()"))).isTrue();
        assertThat(SuiteParameter.is(json.objectNode().put("$PARAMETER", "now()").put("x", 1))).isFalse();
        assertThat(SuiteParameter.is(json.textNode("now()"))).isFalse();
    }

    private static JsonNode evaluate(String expression) {
        return SuiteParameter.evaluate(JsonNodeFactory.instance.objectNode().put("$PARAMETER", expression), CLOCK);
    }
}
