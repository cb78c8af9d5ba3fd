package dev.plumbline.featurestore;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.io.JsonStringEncoder;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.plumbline.featurestore.OnlineStore.StoredText;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Online serving's answers, written as JSON straight from the stored text of each entity's values: every wanted
 * feature as {@code {"value": …, "asOf": …}} in the order asked for, its value copied token by token (numbers as
 * their stored digits). The fixed parts (each feature's name, each entity's as-of instant) are encoded once, since
 * a batch repeats them thousands of times.
 */
final class ServedJson {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonStringEncoder ENCODER = JsonStringEncoder.getInstance();
    private static final byte[] NULL = ascii("null");
    private static final byte[] TRUE = ascii("true");
    private static final byte[] FALSE = ascii("false");
    private static final byte[] NO_FEATURES = ascii(",\"features\":{}");

    private final int count;
    private final byte[][] openings;
    private final Map<String, Integer> positions = new HashMap<>();
    private final boolean all;

    /** For answers holding these features, in this order (no repeats). */
    ServedJson(List<String> features) {
        this(features, false);
    }

    /**
     * With {@code all}, for answers holding every feature of one view version, so that each entity's part is
     * written once and kept with its stored values ({@link StoredText}).
     */
    ServedJson(List<String> features, boolean all) {
        this.all = all;
        this.count = features.size();
        this.openings = new byte[count][];
        for (int i = 0; i < count; i++) {
            positions.put(features.get(i), i);
            openings[i] = utf8((i == 0 ? "" : ",") + quoted(features.get(i)) + ":{\"value\":");
        }
    }

    byte[] single(String view, String version, String entity, StoredText stored) {
        byte[] head = utf8("{\"view\":" + quoted(view) + ",\"version\":" + quoted(version) + ",\"entity\":"
                + quoted(entity));
        byte[] features = features(stored);
        Out out = new Out(head.length + features.length + 1);
        out.write(head);
        out.write(features);
        out.write((byte) '}');
        return out.bytes();
    }

    byte[] batch(String view, String version, List<String> entities, Map<String, StoredText> stored) {
        byte[] head = utf8("{\"view\":" + quoted(view) + ",\"version\":" + quoted(version) + ",\"results\":[");
        byte[] entityField = ascii("{\"entity\":");
        byte[][] names = new byte[entities.size()][];
        byte[][] features = new byte[entities.size()][];
        int size = head.length + 2;
        for (int e = 0; e < entities.size(); e++) {
            names[e] = utf8(quoted(entities.get(e)));
            features[e] = features(stored.get(entities.get(e)));
            size += (e > 0 ? 1 : 0) + entityField.length + names[e].length + features[e].length + 1;
        }
        Out out = new Out(size);
        out.write(head);
        for (int e = 0; e < entities.size(); e++) {
            if (e > 0) {
                out.write((byte) ',');
            }
            out.write(entityField);
            out.write(names[e]);
            out.write(features[e]);
            out.write((byte) '}');
        }
        out.write(ascii("]}"));
        return out.bytes();
    }

    /** {@code ,"features":{…}}: empty when nothing is stored; a feature missing from what is stored is null. */
    private byte[] features(StoredText stored) {
        if (stored == null) {
            return NO_FEATURES;
        }
        return all ? stored.written(this::write) : write(stored);
    }

    private byte[] write(StoredText stored) {
        Out out = new Out(64 + count * 64);
        out.write(ascii(",\"features\":{"));
        byte[][] values = values(stored.json());
        byte[] closing = ascii(",\"asOf\":\"" + stored.asOf() + "\"}");
        for (int i = 0; i < count; i++) {
            out.write(openings[i]);
            out.write(values[i] == null ? NULL : values[i]);
            out.write(closing);
        }
        out.write((byte) '}');
        return out.bytes();
    }

    /** The wanted features' values as JSON, by position; null where the stored object has no such field. */
    private byte[][] values(String stored) {
        byte[][] values = new byte[count][];
        try (JsonParser parser = JSON.createParser(stored)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                throw new IOException("stored feature values are not a JSON object");
            }
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                Integer position = positions.get(parser.currentName());
                JsonToken token = parser.nextToken();
                if (position == null) {
                    parser.skipChildren();
                    continue;
                }
                values[position] = switch (token) {
                    case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> ascii(parser.getText());
                    case VALUE_STRING -> utf8(quoted(parser.getText()));
                    case VALUE_TRUE -> TRUE;
                    case VALUE_FALSE -> FALSE;
                    case START_OBJECT, START_ARRAY -> JSON.writeValueAsBytes(parser.readValueAsTree());
                    default -> NULL;
                };
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not read stored feature values", e);
        }
        return values;
    }

    private static String quoted(String text) {
        return text == null ? "null" : "\"" + new String(ENCODER.quoteAsString(text)) + "\"";
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.ISO_8859_1);
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    /** A growing byte buffer, unsynchronized. */
    private static final class Out {

        private byte[] bytes;
        private int length;

        Out(int capacity) {
            bytes = new byte[capacity];
        }

        void write(byte[] more) {
            ensure(more.length);
            System.arraycopy(more, 0, bytes, length, more.length);
            length += more.length;
        }

        void write(byte b) {
            ensure(1);
            bytes[length++] = b;
        }

        byte[] bytes() {
            return length == bytes.length ? bytes : Arrays.copyOf(bytes, length);
        }

        private void ensure(int more) {
            if (length + more > bytes.length) {
                bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, length + more));
            }
        }
    }
}
