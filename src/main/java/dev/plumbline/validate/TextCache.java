package dev.plumbline.validate;

import java.util.Arrays;

/**
 * The strings one column read most recently, so that a value repeated across rows (a currency, a country, a flag)
 * is one shared string rather than one per row: on a million-row batch those strings are most of what the garbage
 * collector would copy. A column whose values rarely repeat (keys, timestamps) stops being cached after a sample,
 * and its texts are kept as ranges of their payloads ({@link TextSlices}).
 */
final class TextCache {

    private static final int SLOTS = 256;
    private static final int SAMPLE = 4_096;
    private static final int MAX_LENGTH = 64;

    private final String[] strings = new String[SLOTS];
    private final char[][] chars = new char[SLOTS][];
    private int lookups;
    private int hits;
    private boolean off;

    /**
     * The string of {@code text[from, to)}, whose {@code String.hashCode} is {@code hash}: a cached one if equal; or
     * null where this column is not cached, for the caller to keep the text as a range of its payload.
     */
    String text(String payload, char[] text, int from, int to, int hash) {
        if (off || to - from > MAX_LENGTH) {
            return null;
        }
        int slot = (hash ^ (hash >>> 8)) & (SLOTS - 1);
        char[] cached = chars[slot];
        if (cached != null && JsonText.sameChars(cached, text, from, to)) {
            hits++;
            return strings[slot];
        }
        if (++lookups == SAMPLE) {
            off = hits < SAMPLE / 2;
        }
        String value = payload.substring(from, to);
        strings[slot] = value;
        chars[slot] = Arrays.copyOfRange(text, from, to);
        return value;
    }
}
