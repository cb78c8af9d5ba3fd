package dev.plumbline.transform;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.DoubleNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.LongNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * One source field's values over the events a point-in-time join reads, by event: whether each is a value at
 * all, its number when it is one, and only where an aggregation needs them its JSON text ({@code last}) and its
 * sketch hash ({@code approx_distinct}). A JSON null or a missing field is no value, as in {@link TileState}.
 */
final class FieldColumn {

    static final byte ABSENT = 0;
    static final byte NUMBER = 1;
    static final byte OTHER = 2;
    /** In {@code feature_event.field_numbers}: a field with no value, and one whose value is not a number. */
    static final long NO_VALUE = 0x7FF8_0000_0000_0001L;
    static final long NOT_A_NUMBER = 0x7FF8_0000_0000_0002L;

    private static final ObjectMapper JSON = new ObjectMapper();

    byte[] kind;
    double[] number;
    String[] text;
    long[] hash;

    FieldColumn(int capacity, boolean keepText, boolean keepHash) {
        kind = new byte[capacity];
        number = new double[capacity];
        text = keepText ? new String[capacity] : null;
        hash = keepHash ? new long[capacity] : null;
    }

    /** Sets an event's value from its JSON text in {@code bytes}; a negative length is SQL null (no such key). */
    void set(int event, byte[] bytes, int offset, int length) {
        if (length < 0) {
            kind[event] = ABSENT;
            return;
        }
        if (text == null && hash == null && plainInteger(bytes, offset, length)) {
            kind[event] = NUMBER;
            number[event] = parseInteger(bytes, offset, length);
            return;
        }
        String json = new String(bytes, offset, length, StandardCharsets.UTF_8);
        JsonNode value = scalar(json);
        if (value.isNull() || value.isMissingNode()) {
            kind[event] = ABSENT;
            return;
        }
        kind[event] = value.isNumber() ? NUMBER : OTHER;
        number[event] = value.isNumber() ? value.doubleValue() : 0;
        if (text != null) {
            text[event] = json;
        }
        if (hash != null) {
            hash[event] = HyperLogLog.hashOf(value.isTextual() ? value.asText() : value.toString());
        }
    }

    /** Sets an event's value from its eight bytes of {@code field_numbers} (see {@link #packed}). */
    void setPacked(int event, long bits) {
        if (bits == NO_VALUE) {
            kind[event] = ABSENT;
        } else {
            kind[event] = bits == NOT_A_NUMBER ? OTHER : NUMBER;
            number[event] = bits == NOT_A_NUMBER ? 0 : Double.longBitsToDouble(bits);
        }
    }

    /** Whether the join needs the field's JSON text: for {@code last}, or for its sketch hash. */
    boolean needsJson() {
        return text != null || hash != null;
    }

    /**
     * A field's value (null when the event has none) as {@code field_numbers} keeps it: what {@link #set} reads
     * from the stored JSON text, as a double's bits, or {@link #NO_VALUE} or {@link #NOT_A_NUMBER}. PostgreSQL
     * stores JSON numbers as {@code numeric}, which has no negative zero, so -0 is kept as 0.
     */
    static long packed(JsonNode value) {
        if (value == null || value.isNull()) {
            return NO_VALUE;
        }
        byte[] json = value.toString().getBytes(StandardCharsets.UTF_8);
        FieldColumn read = new FieldColumn(1, false, false);
        read.set(0, json, 0, json.length);
        return switch (read.kind[0]) {
            case ABSENT -> NO_VALUE;
            case OTHER -> NOT_A_NUMBER;
            default -> Double.doubleToRawLongBits(read.number[0] == 0 ? 0.0 : read.number[0]);
        };
    }

    /** The event's value as {@code last} returns it. */
    JsonNode value(int event) {
        return scalar(text[event]);
    }

    /** Sets events {@code [at, at + count)} to {@code from}'s first {@code count}. */
    void copy(int at, FieldColumn from, int count) {
        System.arraycopy(from.kind, 0, kind, at, count);
        System.arraycopy(from.number, 0, number, at, count);
        if (text != null) {
            System.arraycopy(from.text, 0, text, at, count);
        }
        if (hash != null) {
            System.arraycopy(from.hash, 0, hash, at, count);
        }
    }

    /** About how much memory the first {@code size} events take, texts included. */
    long bytes(int size) {
        long bytes = (long) size * (1 + 8 + (hash == null ? 0 : 8) + (text == null ? 0 : 8));
        if (text != null) {
            for (int i = 0; i < size; i++) {
                bytes += text[i] == null ? 0 : 48 + text[i].length();
            }
        }
        return bytes;
    }

    /** About how much memory an event takes, counting a text of a dozen characters where texts are kept. */
    long bytesPerEvent() {
        return 1 + 8 + (hash == null ? 0 : 8) + (text == null ? 0 : 8 + 48 + 12);
    }

    void grow(int capacity) {
        kind = Arrays.copyOf(kind, capacity);
        number = Arrays.copyOf(number, capacity);
        text = text == null ? null : Arrays.copyOf(text, capacity);
        hash = hash == null ? null : Arrays.copyOf(hash, capacity);
    }

    /** An empty column of {@code size} events that keeps what this one keeps. */
    FieldColumn emptyLike(int size) {
        return new FieldColumn(size, text != null, hash != null);
    }

    /** Sets events {@code [from, to)} to {@code source}'s events {@code order[from]…order[to − 1]}. */
    void gather(FieldColumn source, int[] order, int from, int to) {
        for (int i = from; i < to; i++) {
            kind[i] = source.kind[order[i]];
            number[i] = source.number[order[i]];
            if (text != null) {
                text[i] = source.text[order[i]];
            }
            if (hash != null) {
                hash[i] = source.hash[order[i]];
            }
        }
    }

    /** An optional minus and up to 17 digits: what {@link #scalar} reads as an integer without the parser. */
    private static boolean plainInteger(byte[] bytes, int offset, int length) {
        int start = length > 0 && bytes[offset] == '-' ? 1 : 0;
        if (length - start < 1 || length >= 18) {
            return false;
        }
        for (int i = offset + start; i < offset + length; i++) {
            if (bytes[i] < '0' || bytes[i] > '9') {
                return false;
            }
        }
        return true;
    }

    private static double parseInteger(byte[] bytes, int offset, int length) {
        boolean negative = bytes[offset] == '-';
        long n = 0;
        for (int i = offset + (negative ? 1 : 0); i < offset + length; i++) {
            n = n * 10 + (bytes[i] - '0');
        }
        return negative ? -n : n;
    }

    /** A stored JSON value; plain numbers, most of what features read, skip the general parser. */
    static JsonNode scalar(String text) {
        char first = text.charAt(0);
        if ((first == '-' || first >= '0' && first <= '9') && text.length() < 18) {
            if (text.indexOf('.') < 0 && text.indexOf('e') < 0 && text.indexOf('E') < 0) {
                long n = Long.parseLong(text);
                return n == (int) n ? IntNode.valueOf((int) n) : LongNode.valueOf(n);
            }
            return DoubleNode.valueOf(Double.parseDouble(text));
        }
        try {
            return JSON.readTree(text);
        } catch (IOException e) {
            throw new IllegalStateException("a stored feature value is not JSON: " + text, e);
        }
    }
}
