package dev.plumbline.bench.deequ;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * A W1 batch as Plumbline's micro-batch runner holds it: each row written as a JSON object and read back into a
 * Jackson tree with the runner's settings (floats as exact decimals).
 */
final class PlumblineRows {

    // As BatchEvaluation reads staged payloads.
    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .setNodeFactory(JsonNodeFactory.withExactBigDecimals(true));

    private PlumblineRows() {
    }

    static List<JsonNode> generate(Shape shape, int rows) throws IOException {
        List<JsonNode> batch = new ArrayList<>(rows);
        ByteArrayOutputStream buffer = new ByteArrayOutputStream(4096);
        for (long row = 0; row < rows; row++) {
            buffer.reset();
            try (JsonGenerator json = JSON.getFactory().createGenerator(buffer)) {
                write(json, shape, row);
            }
            batch.add(JSON.readTree(buffer.toByteArray()));
        }
        return batch;
    }

    private static void write(JsonGenerator json, Shape shape, long row) throws IOException {
        json.writeStartObject();
        List<Column> columns = shape.columns();
        for (int c = 0; c < columns.size(); c++) {
            Object value = Values.value(columns.get(c), c, row);
            json.writeFieldName(columns.get(c).name());
            if (value == null) {
                json.writeNull();
            } else if (value instanceof Long number) {
                json.writeNumber(number);
            } else if (value instanceof Double number) {
                json.writeNumber(number);
            } else {
                json.writeString((String) value);
            }
        }
        json.writeEndObject();
    }
}
