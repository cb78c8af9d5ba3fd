package dev.plumbline.validate.constraints;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

class JsonValuesTest {

    private static final JsonNodeFactory NODES = JsonNodeFactory.withExactBigDecimals(true);

    @Test
    void quotesValuesAsJacksonWritesThem() {
        List<JsonNode> values = List.of(NODES.textNode("plain"), NODES.textNode("say \"hi\" \\ back/slash"),
                NODES.textNode("tab\tnew\nline\rbell\u0007nul\u0000 \u001f"), NODES.textNode("é ü 日本 😀 \u2028"),
                NODES.textNode(""), NODES.numberNode(42), NODES.numberNode(-9_007_199_254_740_993L),
                NODES.numberNode(new BigDecimal("1E+3")), NODES.numberNode(new BigDecimal("0.10")),
                NODES.numberNode(2.5), NODES.booleanNode(true), NODES.booleanNode(false),
                NODES.arrayNode().add(1).add("two"), NODES.objectNode().put("a", "b\"c"));
        for (JsonNode value : values) {
            assertThat(JsonValues.json(value)).as(value.toString()).isEqualTo(value.toString());
        }
    }

    @Test
    void nullAndMissingAreNull() {
        assertThat(JsonValues.json(NODES.nullNode())).isEqualTo("null");
        assertThat(JsonValues.json(NODES.objectNode().path("absent"))).isEqualTo("null");
    }
}
