package dev.plumbline.bench.deequ;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A W1 batch as Plumbline's micro-batch runner gets it from staging: each row's JSON text (the staged payload),
 * which Plumbline reads as part of its check.
 */
final class PlumblineRows {

    private static final ObjectMapper JSON = new ObjectMapper();

    private PlumblineRows() {
    }

    static List<String> generate(Shape shape, int rows) throws IOException {
        List<String> batch = new ArrayList<>(rows);
        ByteArrayOutputStream buffer = new ByteArrayOutputStream(4096);
        for (long row = 0; row < rows; row++) {
            buffer.reset();
            try (JsonGenerator json = JSON.getFactory().createGenerator(buffer)) {
                write(json, shape, row);
            }
            batch.add(buffer.toString(StandardCharsets.UTF_8));
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
