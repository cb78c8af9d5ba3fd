package dev.plumbline.validate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RowReaderTest {

    private static final ObjectMapper READ_TREE = new ObjectMapper()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .setNodeFactory(JsonNodeFactory.withExactBigDecimals(true));

    @Test
    void buildsTheTreeReadTreeBuildsWithExactDecimals() throws IOException {
        for (String json : List.of(
                "{\"transaction_id\": \"tx-1\", \"amount\": 12.50, \"currency\": \"EUR\", \"n\": null, \"ok\": true}",
                "{\"small\": 7, \"long\": 9007199254740993, \"huge\": 123456789012345678901234567890, \"neg\": -0}",
                "{\"tiny\": 0.10, \"exp\": 1.5e3, \"negexp\": -2E-7, \"zero\": 0.0, \"f\": false}",
                "{\"nested\": {\"a\": [1, [2.0, {\"b\": \"\\u00e9\\n\\\"q\\\"\"}], [], {}], \"c\": {\"d\": null}}}",
                "{\"dup\": 1, \"dup\": 2}", "[1, \"two\", {\"three\": 3}]", "\"text\"", "42")) {
            JsonNode expected = READ_TREE.readTree(json);
            JsonNode actual = RowReader.read(json);
            assertThat(actual).as(json).isEqualTo(expected);
            assertThat(nodeTypes(actual)).as(json).isEqualTo(nodeTypes(expected));
        }
    }

    @Test
    void anAmountKeepsItsScale() throws IOException {
        assertThat(RowReader.read("{\"amount\": 0.10}").get("amount").decimalValue()).hasToString("0.10");
    }

    @Test
    void malformedTextIsRefused() {
        assertThatThrownBy(() -> RowReader.read("{\"a\": ")).isInstanceOf(IOException.class);
        assertThatThrownBy(() -> RowReader.read("  ")).isInstanceOf(IOException.class);
    }

    // equals() compares values; the node classes (IntNode, LongNode, BigIntegerNode, DecimalNode) must match too.
    private static List<String> nodeTypes(JsonNode node) {
        List<String> types = new ArrayList<>();
        types.add(node.getClass().getSimpleName());
        if (node.isObject()) {
            for (Map.Entry<String, JsonNode> field : node.properties()) {
                types.add(field.getKey());
                types.addAll(nodeTypes(field.getValue()));
            }
        } else if (node.isArray()) {
            node.forEach(element -> types.addAll(nodeTypes(element)));
        }
        return types;
    }
}
