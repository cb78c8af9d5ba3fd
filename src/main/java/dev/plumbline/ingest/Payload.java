package dev.plumbline.ingest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * A record's value as staged: the JSON object it holds, or, where it holds none, the raw bytes and the
 * reason it could not be read. Reading is not validating: any JSON object is accepted here.
 */
public record Payload(String json, byte[] raw, String parseError) {

    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

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
        try {
            JsonNode node = JSON.readTree(text);
            if (node == null || !node.isObject()) {
                return unreadable(value, "expected a JSON object, found " + describe(node));
            }
            if (text.contains("\\u0000")) {
                // PostgreSQL's jsonb cannot hold NUL characters; keep the bytes rather than lose the record.
                return unreadable(value, "JSON contains a NUL character (\\u0000), which cannot be stored as JSON");
            }
            return new Payload(text, null, null);
        } catch (JsonProcessingException e) {
            return unreadable(value, "malformed JSON: " + e.getOriginalMessage() + " at line "
                    + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr());
        }
    }

    public boolean readable() {
        return parseError == null;
    }

    private static Payload unreadable(byte[] value, String reason) {
        return new Payload(null, value == null ? new byte[0] : value, reason);
    }

    private static String describe(JsonNode node) {
        if (node == null || node.isMissingNode()) {
            return "no JSON value";
        }
        return "a JSON " + node.getNodeType().name().toLowerCase();
    }
}
