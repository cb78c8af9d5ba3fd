package dev.plumbline.validate;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.util.Map;

/**
 * Reads the fields a check needs straight from staged JSON payloads into column vectors, with the values
 * {@link RowReader}'s tree would hold (exact decimals), skipping every other field, so that no tree is built for a
 * row unless a rule reads the row whole. The plain rows go through {@link FieldScanner}; a row it gives up on is
 * read again with Jackson's streaming parser, which also reports what is not JSON.
 */
final class PayloadColumns {

    private static final JsonFactory JSON = new JsonFactory();

    private final long[] unit = new long[1];
    private final Map<String, ColumnVector> wanted;
    private final FieldScanner scanner;

    /** A reader into {@code wanted}'s vectors, by field name. */
    PayloadColumns(Map<String, ColumnVector> wanted) {
        this.wanted = wanted;
        this.scanner = new FieldScanner(new FieldTable(wanted));
    }

    /** Decodes row {@code row}'s wanted fields; a field it lacks stays null (missing). */
    void read(String payload, int row) throws IOException {
        if (!scanner.read(payload, row)) {
            wanted.values().forEach(vector -> vector.setNull(row, false));
            readWithJackson(payload, row);
        }
    }

    /** Decodes the row with Jackson alone: what rows the scanner gives up on get, and what tests hold it to. */
    void readWithJackson(String payload, int row) throws IOException {
        try (JsonParser parser = JSON.createParser(payload)) {
            JsonToken first = parser.nextToken();
            if (first == null) {
                throw new IOException("no JSON value");
            }
            if (first != JsonToken.START_OBJECT) {
                RowReader.value(parser, first);
                return;
            }
            for (String name = parser.nextFieldName(); name != null; name = parser.nextFieldName()) {
                JsonToken token = parser.nextToken();
                ColumnVector vector = wanted.get(name);
                if (vector == null) {
                    parser.skipChildren();
                } else {
                    decode(parser, token, vector, row);
                }
            }
        }
    }

    private void decode(JsonParser parser, JsonToken token, ColumnVector vector, int row) throws IOException {
        switch (token) {
            case VALUE_STRING -> vector.setText(row, parser.getText());
            case VALUE_NUMBER_INT -> {
                if (parser.getNumberType() == JsonParser.NumberType.BIG_INTEGER) {
                    vector.setExact(row, parser.getBigIntegerValue());
                } else {
                    vector.setWhole(row, parser.getLongValue());
                }
            }
            case VALUE_NUMBER_FLOAT -> {
                int scale = DecimalText.unscaled(parser.getTextCharacters(), parser.getTextOffset(),
                        parser.getTextLength(), unit);
                if (scale == DecimalText.NOT_PLAIN) {
                    vector.setExact(row, parser.getDecimalValue());
                } else {
                    vector.setDecimal(row, unit[0], scale);
                }
            }
            case VALUE_TRUE, VALUE_FALSE -> vector.setBoolean(row, token == JsonToken.VALUE_TRUE);
            case VALUE_NULL -> vector.setNull(row, true);
            default -> vector.setOther(row, RowReader.value(parser, token));
        }
    }
}
