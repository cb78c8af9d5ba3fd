package dev.plumbline.validate;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.List;

/** Micro-batch rows and JSON values for validation tests, written as compactly as the tests read. */
public final class Rows {

    public static final Object MISSING = new Object();

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private Rows() {
    }

    public static List<JsonNode> json(String... rows) {
        return Arrays.stream(rows).map(Rows::parse).toList();
    }

    public static List<JsonNode> column(String column, Object... values) {
        return Arrays.stream(values).map(value -> {
            ObjectNode row = MAPPER.createObjectNode();
            if (value != MISSING) {
                row.set(column, value(value));
            }
            return (JsonNode) row;
        }).toList();
    }

    public static JsonNode value(Object value) {
        return MAPPER.valueToTree(value);
    }

    public static List<JsonNode> values(Object... values) {
        return Arrays.stream(values).map(Rows::value).toList();
    }

    public static JsonNode parse(String json) {
        try {
            return MAPPER.readTree(json.replace('\'', '"'));
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
