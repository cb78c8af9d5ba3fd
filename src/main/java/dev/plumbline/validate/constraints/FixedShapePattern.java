package dev.plumbline.validate.constraints;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A regular expression anchored at both ends whose every position is one ASCII character class, such as
 * {@code ^c-[0-9]{5}$} or {@code ^\d{4}-\d{2}-\d{2}$}, searched position by position without a regex engine. It
 * finds what {@link java.util.regex.Matcher#find} finds, including Java's {@code $} before a final line terminator;
 * {@link #of} gives null for every other pattern, which the regex engine keeps.
 */
final class FixedShapePattern {

    private static final String META = "\\^$.|?*+()[]{}";

    private final long[][] positions;

    private FixedShapePattern(long[][] positions) {
        this.positions = positions;
    }

    /** The fixed-shape form of {@code pattern}, or null where it has flags or any other construct. */
    static FixedShapePattern of(Pattern pattern) {
        String regex = pattern.pattern();
        if (pattern.flags() != 0 || regex.length() < 2 || !regex.startsWith("^") || !regex.endsWith("$")
                || regex.endsWith("\\$")) {
            return null;
        }
        List<long[]> positions = new ArrayList<>();
        int i = 1;
        int end = regex.length() - 1;
        while (i < end) {
            long[] set = new long[2];
            i = atom(regex, i, end, set);
            if (i < 0) {
                return null;
            }
            int count = 1;
            if (i < end && regex.charAt(i) == '{') {
                int close = regex.indexOf('}', i);
                if (close < 0 || close >= end || close - i < 2 || close - i > 4
                        || !regex.substring(i + 1, close).chars().allMatch(c -> c >= '0' && c <= '9')) {
                    return null;
                }
                count = Integer.parseInt(regex.substring(i + 1, close));
                i = close + 1;
            }
            for (int n = 0; n < count; n++) {
                positions.add(set);
            }
        }
        return positions.isEmpty() ? null : new FixedShapePattern(positions.toArray(long[][]::new));
    }

    /** Past the one-character atom at {@code i}, its characters added to {@code set}; -1 if it is not one. */
    private static int atom(String regex, int i, int end, long[] set) {
        char c = regex.charAt(i);
        if (c == '\\' && i + 1 < end) {
            char escaped = regex.charAt(i + 1);
            if (escaped == 'd') {
                add(set, '0', '9');
                return i + 2;
            }
            return META.indexOf(escaped) >= 0 || escaped == '-' || escaped == '/' ? add(set, escaped, escaped, i + 2)
                    : -1;
        }
        if (c == '[') {
            return characterClass(regex, i + 1, end, set);
        }
        return META.indexOf(c) >= 0 || c < 0x20 || c > 0x7e ? -1 : add(set, c, c, i + 1);
    }

    // only plain characters and ranges: no negation, escapes, nested classes or intersections
    private static int characterClass(String regex, int i, int end, long[] set) {
        if (i < end && regex.charAt(i) == '^') {
            return -1;
        }
        int first = i;
        while (i < end && regex.charAt(i) != ']') {
            char low = regex.charAt(i);
            if (low == '\\' || low == '[' || low == '&' || low < 0x20 || low > 0x7e || (low == '-' && i != first)) {
                return -1;
            }
            char high = low;
            if (i + 2 < end && regex.charAt(i + 1) == '-' && regex.charAt(i + 2) != ']') {
                high = regex.charAt(i + 2);
                if (high < low || high == '\\' || high == '[' || high > 0x7e) {
                    return -1;
                }
                i += 2;
            }
            add(set, low, high);
            i++;
        }
        return i < end && i > first ? i + 1 : -1;
    }

    private static int add(long[] set, char low, char high, int next) {
        add(set, low, high);
        return next;
    }

    private static void add(long[] set, char low, char high) {
        for (char c = low; c <= high; c++) {
            set[c >> 6] |= 1L << c;
        }
    }

    /** Whether the pattern is found in {@code text}, as {@code matcher.reset(text).find()} says. */
    boolean find(String text) {
        return find(text, 0, text.length());
    }

    /** Whether the pattern is found in {@code source[start, end)}, as in that text by {@link #find(String)}. */
    boolean find(String source, int start, int end) {
        int length = positions.length;
        int rest = end - start - length;
        if (rest < 0 || rest > 2 || rest > 0 && !lineEnd(source, start + length, end)) {
            return false;
        }
        for (int i = 0; i < length; i++) {
            char c = source.charAt(start + i);
            if (c > 0x7f || (positions[i][c >> 6] & (1L << c)) == 0) {
                return false;
            }
        }
        return true;
    }

    // Java's $ without MULTILINE: also before a line terminator that ends the input ("\r\n" being one)
    private static boolean lineEnd(String source, int at, int end) {
        String tail = source.substring(at, end);
        return tail.equals("\r\n") || tail.length() == 1 && "\n\r\u0085\u2028\u2029".indexOf(tail.charAt(0)) >= 0;
    }
}
