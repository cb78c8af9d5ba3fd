package dev.plumbline.validate;

/**
 * One JSON text's characters and how far its lexemes reach: white space, strings and their escapes, numbers by
 * JSON's grammar, literals, and whole values skipped with the checks Jackson's parser makes; each gives the index
 * past what it read, or {@link #GIVE_UP} where the text is not plain JSON or not within the limits below.
 */
final class JsonText {

    static final int GIVE_UP = -1;

    // far inside Jackson's limits (nesting 1,000, names 50,000 chars, numbers 1,000)
    static final int MAX_NAME = 1_000;
    static final int MAX_NUMBER = 500;
    private static final int MAX_DEPTH = 200;

    private final StringBuilder escaped = new StringBuilder();
    char[] text = new char[1024];
    int end;
    /** Whether the last number read by {@link #numberEnd} has a fraction or an exponent. */
    boolean fraction;
    /** Whether the last string read by {@link #stringEnd} has escapes; if not, its text's hash is in stringHash. */
    boolean escapes;
    int stringHash;

    void load(String json) {
        end = json.length();
        if (text.length < end) {
            text = new char[Math.max(end, text.length * 2)];
        }
        json.getChars(0, end, text, 0);
    }

    /**
     * The index of the closing quote of a string whose text starts at {@code start}, its escapes checked; whether
     * it has any in {@link #escapes}, the {@code String.hashCode} of its raw text in {@link #stringHash}.
     */
    int stringEnd(int start) {
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

    int escapeEnd(int backslash) {
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
    int hex(int at) {
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
    String unescape(int start, int close) {
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

    /** The end of the number starting at {@code i} by JSON's grammar; {@link #fraction} if not an integer. */
    int numberEnd(int i) {
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

    int digits(int i) {
        while (i < end && text[i] >= '0' && text[i] <= '9') {
            i++;
        }
        return i;
    }

    int literal(int i) {
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
    int skip(int i, int depth) {
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

    int skipObject(int i, int depth) {
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

    int skipArray(int i, int depth) {
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
    int colon(int i) {
        i = space(i);
        return i < end && text[i] == ':' ? space(i + 1) : GIVE_UP;
    }

    int space(int i) {
        while (i < end) {
            char c = text[i];
            if (c != ' ' && c != '\n' && c != '\r' && c != '\t') {
                return i;
            }
            i++;
        }
        return i;
    }

    /**
     * Whether {@code text[from, to)} holds exactly the characters of {@code chars}. A plain loop: names and repeated
     * values are a few characters long, where {@code Arrays.equals} over ranges costs more in its set-up than in
     * comparing.
     */
    static boolean sameChars(char[] chars, char[] text, int from, int to) {
        if (chars.length != to - from) {
            return false;
        }
        for (int i = 0; i < chars.length; i++) {
            if (chars[i] != text[from + i]) {
                return false;
            }
        }
        return true;
    }
}
