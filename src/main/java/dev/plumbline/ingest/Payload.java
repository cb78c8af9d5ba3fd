package dev.plumbline.ingest;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * A record's value as staged: the JSON object it holds, or, where it holds none, the raw bytes and the
 * reason it could not be read. Reading is not validating: any JSON object is accepted here.
 */
public record Payload(String json, byte[] raw, String parseError) {

    private static final JsonFactory JSON = new JsonFactory();

    public static Payload read(byte[] value) {
        if (value == null || value.length == 0) {
            return unreadable(value, "empty payload: the record has no value");
        }
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(value))
                    .toString();
        } catch (CharacterCodingException e) {
            return unreadable(value, "not UTF-8 text: " + e.getMessage());
        }
        String problem = problemWithJsonObject(text);
        if (problem != null) {
            return unreadable(value, problem);
        }
        if (text.contains("\\u0000")) {
            // PostgreSQL's jsonb cannot hold NUL characters; keep the bytes rather than lose the record.
            return unreadable(value, "JSON contains a NUL character (\\u0000), which cannot be stored as JSON");
        }
        return new Payload(text, null, null);
    }

    public boolean readable() {
        return parseError == null;
    }

    // Staging only needs to know that the text is one JSON object, so the tokens are checked as they stream
    // past and no tree is built: validation reads the payload again, with its own number semantics.
    private static String problemWithJsonObject(String text) {
        try (JsonParser parser = JSON.createParser(text)) {
            JsonToken first = parser.nextToken();
            parser.skipChildren();
            JsonToken next = parser.nextToken();
            if (next != null) {
                return "malformed JSON: " + describe(next) + " follows the first JSON value at line "
                        + parser.currentTokenLocation().getLineNr() + ", column "
                        + parser.currentTokenLocation().getColumnNr();
            }
            return first == JsonToken.START_OBJECT ? null : "expected a JSON object, found " + describe(first);
        } catch (JsonProcessingException e) {
            return "malformed JSON: " + e.getOriginalMessage() + " at line "
                    + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr();
        } catch (IOException e) {
            throw new UncheckedIOException("reading JSON from a string", e);
        }
    }

    private static Payload unreadable(byte[] value, String reason) {
        return new Payload(null, value == null ? new byte[0] : value, reason);
    }

    private static String describe(JsonToken token) {
        if (token == null) {
            return "no JSON value";
        }
        return switch (token) {
            case START_OBJECT -> "a JSON object";
            case START_ARRAY -> "a JSON array";
            case VALUE_STRING -> "a JSON string";
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "a JSON number";
            case VALUE_TRUE, VALUE_FALSE -> "a JSON boolean";
            case VALUE_NULL -> "a JSON null";
            default -> "a JSON " + token.name().toLowerCase();
        };
    }
}
