package dev.plumbline.validate;

import java.math.BigDecimal;

/**
 * Reads the wanted top-level fields of a JSON object straight from its characters into column vectors, matching
 * field names on the characters without making strings of them, and checking the fields it skips as strictly as
 * Jackson does. It takes only the plain cases (an object, no escaped names, no nested wanted values, no integers
 * beyond 18 digits) and gives up on anything else, valid or not, so that {@link PayloadColumns} reads that row
 * with Jackson: what it reads, it reads to the same values, and it never accepts text Jackson refuses.
 */
final class FieldScanner {

    static final int GIVE_UP = -1;

    // far inside Jackson's limits (nesting 1,000, names 50,000 chars, numbers 1,000, strings 20,000,000 chars)
    private static final int MAX_DEPTH = 200;
    private static final int MAX_NAME = 1_000;
    private static final int MAX_NUMBER = 500;
    private static final int MAX_TEXT = 1_000_000;
    private static final int MAX_LONG_DIGITS = 18;

    private final FieldTable fields;
    private final TextCache[] caches;
    private final long[] unit = new long[1];
    private final StringBuilder escaped = new StringBuilder();
    private char[] text = new char[1024];
    private int end;
    private String payload;
    private boolean fraction;
    private boolean escapes;
    private int stringHash;

    FieldScanner(FieldTable fields) {
        this.fields = fields;
        this.caches = new TextCache[fields.slots()];
    }

    /** Decodes the wanted fields of {@code json} into row {@code row}; false if it gave up (the row half-set). */
    boolean read(String json, int row) {
        if (json.length() > MAX_TEXT) {
            return false;
        }
        load(json);
        int i = space(0);
        if (i >= end || text[i] != '{') {
            return false;
        }
        i = space(i + 1);
        if (i < end && text[i] == '}') {
            return true;
        }
        while (i >= 0 && i < end && text[i] == '"') {
            int name = i + 1;
            int hash = 0;
            for (i = name; i < end && text[i] != '"'; i++) {
                char c = text[i];
                if (c == '\\' || c < 0x20 || i - name >= MAX_NAME) {
                    return false;
                }
                hash = 31 * hash + c;
            }
            int slot = i < end ? fields.find(text, name, i - name, hash) : -1;
            i = colon(i + 1);
            i = i < 0 ? GIVE_UP : slot < 0 ? skip(i, 1) : decode(i, slot, row);
            i = i < 0 ? GIVE_UP : space(i);
            if (i < 0 || i >= end) {
                return false;
            }
            if (text[i] == '}') {
                return true;
            }
            i = text[i] == ',' ? space(i + 1) : GIVE_UP;
        }
        return false;
    }

    private void load(String json) {
        end = json.length();
        if (text.length < end) {
            text = new char[Math.max(end, text.length * 2)];
        }
        json.getChars(0, end, text, 0);
        payload = json;
    }

    private int decode(int i, int slot, int row) {
        if (i >= end) {
            return GIVE_UP;
        }
        ColumnVector vector = fields.vector(slot);
        char c = text[i];
        if (c == '"') {
            return string(i, slot, row);
        }
        if (c == '-' || (c >= '0' && c <= '9')) {
            return number(i, vector, row);
        }
        int after = literal(i);
        if (after > 0) {
            switch (c) {
                case 't' -> vector.setBoolean(row, true);
                case 'f' -> vector.setBoolean(row, false);
                default -> vector.setNull(row, true);
            }
        }
        return after;
    }

    private int string(int i, int slot, int row) {
        int start = i + 1;
        int close = stringEnd(start);
        if (close < 0) {
            return GIVE_UP;
        }
        String value = escapes ? unescape(start, close) : cache(slot).text(payload, text, start, close, stringHash);
        fields.vector(slot).setText(row, value);
        return close + 1;
    }

    private TextCache cache(int slot) {
        if (caches[slot] == null) {
            caches[slot] = new TextCache();
        }
        return caches[slot];
    }

    /**
     * The index of the closing quote of a string whose text starts at {@code start}, its escapes checked; whether
     * it has any in {@link #escapes}, the {@code String.hashCode} of its raw text in {@link #stringHash}.
     */
    private int stringEnd(int start) {
        escapes = false;
        int hash = 0;
        for (int i = start; i < end; i++) {
            char c = text[i];
            if (c == '"') {
                stringHash = hash;
                return i;
            }
            hash = 31 * hash + c;
            if (c == '\\') {
                escapes = true;
                i = escapeEnd(i) - 1;
                if (i < 0) {
                    return GIVE_UP;
                }
            } else if (c < 0x20) {
                return GIVE_UP;
            }
        }
        return GIVE_UP;
    }

    private int escapeEnd(int backslash) {
        if (backslash + 1 >= end) {
            return GIVE_UP;
        }
        return switch (text[backslash + 1]) {
            case '"', '\\', '/', 'b', 'f', 'n', 'r', 't' -> backslash + 2;
            case 'u' -> backslash + 5 < end && hex(backslash + 2) >= 0 ? backslash + 6 : GIVE_UP;
            default -> GIVE_UP;
        };
    }

    /** The four ASCII hex digits at {@code at} as a char code, or -1. */
    private int hex(int at) {
        int value = 0;
        for (int i = at; i < at + 4; i++) {
            char c = text[i];
            int digit = c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10
                    : c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;
            if (digit < 0) {
                return -1;
            }
            value = value * 16 + digit;
        }
        return value;
    }

    /** The text of a string whose escapes {@link #stringEnd} checked. */
    private String unescape(int start, int close) {
        escaped.setLength(0);
        for (int i = start; i < close; i++) {
            char c = text[i];
            if (c != '\\') {
                escaped.append(c);
                continue;
            }
            char kind = text[++i];
            switch (kind) {
                case 'b' -> escaped.append('\b');
                case 'f' -> escaped.append('\f');
                case 'n' -> escaped.append('\n');
                case 'r' -> escaped.append('\r');
                case 't' -> escaped.append('\t');
                case 'u' -> {
                    escaped.append((char) hex(i + 1));
                    i += 4;
                }
                default -> escaped.append(kind);
            }
        }
        return escaped.toString();
    }

    private int number(int i, ColumnVector vector, int row) {
        int after = numberEnd(i);
        int length = after - i;
        if (after < 0 || length > MAX_NUMBER) {
            return GIVE_UP;
        }
        if (!fraction) {
            int digits = length - (text[i] == '-' ? 1 : 0);
            if (digits > MAX_LONG_DIGITS) {
                return GIVE_UP;
            }
            vector.setWhole(row, Long.parseLong(payload, i, after, 10));
            return after;
        }
        int scale = DecimalText.unscaled(text, i, length, unit);
        if (scale == DecimalText.NOT_PLAIN) {
            BigDecimal exact = exponent(i, length);
            if (exact == null) {
                return GIVE_UP;
            }
            vector.setExact(row, exact);
        } else {
            vector.setDecimal(row, unit[0], scale);
        }
        return after;
    }

    // an exponent BigDecimal cannot hold is Jackson's to report
    private BigDecimal exponent(int i, int length) {
        try {
            return new BigDecimal(text, i, length);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** The end of the number starting at {@code i} by JSON's grammar; {@link #fraction} if not an integer. */
    private int numberEnd(int i) {
        fraction = false;
        i += i < end && text[i] == '-' ? 1 : 0;
        if (i >= end || text[i] < '0' || text[i] > '9') {
            return GIVE_UP;
        }
        i = text[i] == '0' ? i + 1 : digits(i);
        if (i < end && text[i] >= '0' && text[i] <= '9') {
            return GIVE_UP; // a leading zero
        }
        if (i < end && text[i] == '.') {
            fraction = true;
            int from = i + 1;
            i = digits(from);
            if (i == from) {
                return GIVE_UP;
            }
        }
        if (i < end && (text[i] == 'e' || text[i] == 'E')) {
            fraction = true;
            i++;
            i += i < end && (text[i] == '+' || text[i] == '-') ? 1 : 0;
            int from = i;
            i = digits(from);
            if (i == from) {
                return GIVE_UP;
            }
        }
        return i;
    }

    private int digits(int i) {
        while (i < end && text[i] >= '0' && text[i] <= '9') {
            i++;
        }
        return i;
    }

    private int literal(int i) {
        String word = switch (text[i]) {
            case 't' -> "true";
            case 'f' -> "false";
            case 'n' -> "null";
            default -> null;
        };
        if (word == null || i + word.length() > end) {
            return GIVE_UP;
        }
        for (int k = 1; k < word.length(); k++) {
            if (text[i + k] != word.charAt(k)) {
                return GIVE_UP;
            }
        }
        return i + word.length();
    }

    /** Past the value starting at {@code i}, checked and not decoded. */
    private int skip(int i, int depth) {
        if (i < 0 || i >= end || depth > MAX_DEPTH) {
            return GIVE_UP;
        }
        char c = text[i];
        if (c == '"') {
            int close = stringEnd(i + 1);
            return close < 0 ? GIVE_UP : close + 1;
        }
        if (c == '-' || (c >= '0' && c <= '9')) {
            int after = numberEnd(i);
            return after < 0 || after - i > MAX_NUMBER ? GIVE_UP : after;
        }
        if (c == '{') {
            return skipObject(space(i + 1), depth);
        }
        return c == '[' ? skipArray(space(i + 1), depth) : literal(i);
    }

    private int skipObject(int i, int depth) {
        if (i < end && text[i] == '}') {
            return i + 1;
        }
        while (i >= 0 && i < end && text[i] == '"') {
            int close = stringEnd(i + 1);
            if (close < 0 || close - i > MAX_NAME) {
                return GIVE_UP;
            }
            i = colon(close + 1);
            i = i < 0 ? GIVE_UP : skip(i, depth + 1);
            i = i < 0 ? GIVE_UP : space(i);
            if (i < 0 || i >= end) {
                return GIVE_UP;
            }
            if (text[i] == '}') {
                return i + 1;
            }
            i = text[i] == ',' ? space(i + 1) : GIVE_UP;
        }
        return GIVE_UP;
    }

    private int skipArray(int i, int depth) {
        if (i < end && text[i] == ']') {
            return i + 1;
        }
        while (i >= 0) {
            i = skip(i, depth + 1);
            i = i < 0 ? GIVE_UP : space(i);
            if (i < 0 || i >= end) {
                return GIVE_UP;
            }
            if (text[i] == ']') {
                return i + 1;
            }
            i = text[i] == ',' ? space(i + 1) : GIVE_UP;
        }
        return GIVE_UP;
    }

    /** Past the colon after a field name, and the white space around it. */
    private int colon(int i) {
        i = space(i);
        return i < end && text[i] == ':' ? space(i + 1) : GIVE_UP;
    }

    private int space(int i) {
        while (i < end) {
            char c = text[i];
            if (c != ' ' && c != '\n' && c != '\r' && c != '\t') {
                return i;
            }
            i++;
        }
        return i;
    }
}
