package dev.plumbline.validate;

import java.math.BigDecimal;
import java.util.Arrays;

/**
 * Reads the wanted top-level fields of a JSON object straight from its characters into column vectors, matching
 * field names on the characters without making strings of them, and checking the fields it skips as strictly as
 * Jackson does. It takes only the plain cases (an object, no escaped names, no nested wanted values, no integers
 * beyond 18 digits) and gives up on anything else, valid or not, so that {@link PayloadColumns} reads that row
 * with Jackson: what it reads, it reads to the same values, and it never accepts text Jackson refuses.
 */
final class FieldScanner {

    private static final int GIVE_UP = JsonText.GIVE_UP;
    // within Jackson's 20,000,000 characters of a string, so that no string read here is one it refuses
    private static final int MAX_TEXT = 1_000_000;
    private static final int MAX_LONG_DIGITS = 18;

    private final FieldTable fields;
    private final TextCache[] caches;
    private final JsonText json = new JsonText();
    private final long[] unit = new long[1];
    // the slot of each field of the row read before, in order (-1: not wanted), tried first on the next row
    private int[] order = new int[16];
    private String payload;

    FieldScanner(FieldTable fields) {
        this.fields = fields;
        this.caches = new TextCache[fields.slots()];
    }

    /** Decodes the wanted fields of {@code text} into row {@code row}; false if it gave up (the row half-set). */
    boolean read(String text, int row) {
        if (text.length() > MAX_TEXT) {
            return false;
        }
        json.load(text);
        payload = text;
        char[] chars = json.text;
        int end = json.end;
        int i = json.space(0);
        if (i >= end || chars[i] != '{') {
            return false;
        }
        i = json.space(i + 1);
        if (i < end && chars[i] == '}') {
            return true;
        }
        for (int field = 0; i >= 0 && i < end && chars[i] == '"'; field++) {
            int name = i + 1;
            int slot = field < order.length ? order[field] : -1;
            i = fields.nameEnd(slot, chars, name, end);
            if (i < 0) {
                int hash = 0;
                for (i = name; i < end && chars[i] != '"'; i++) {
                    char c = chars[i];
                    if (c == '\\' || c < 0x20 || i - name >= JsonText.MAX_NAME) {
                        return false;
                    }
                    hash = 31 * hash + c;
                }
                slot = i < end ? fields.find(chars, name, i - name, hash) : -1;
                remember(field, slot);
            }
            i = json.colon(i + 1);
            i = i < 0 ? GIVE_UP : slot < 0 ? json.skip(i, 1) : decode(i, slot, row);
            i = i < 0 ? GIVE_UP : json.space(i);
            if (i < 0 || i >= end) {
                return false;
            }
            if (chars[i] == '}') {
                return true;
            }
            i = chars[i] == ',' ? json.space(i + 1) : GIVE_UP;
        }
        return false;
    }

    private void remember(int field, int slot) {
        if (field >= order.length) {
            order = Arrays.copyOf(order, Math.max(field + 1, order.length * 2));
        }
        order[field] = slot;
    }

    private int decode(int i, int slot, int row) {
        if (i >= json.end) {
            return GIVE_UP;
        }
        ColumnVector vector = fields.vector(slot);
        char c = json.text[i];
        if (c == '"') {
            return string(i, slot, row);
        }
        if (c == '-' || (c >= '0' && c <= '9')) {
            return number(i, vector, row);
        }
        int after = json.literal(i);
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
        int close = json.stringEnd(start);
        if (close < 0) {
            return GIVE_UP;
        }
        ColumnVector vector = fields.vector(slot);
        String value = json.escapes ? json.unescape(start, close)
                : cache(slot).text(payload, json.text, start, close, json.stringHash);
        if (value == null) {
            vector.setSlice(row, payload, start, close);
        } else {
            vector.setText(row, value);
        }
        return close + 1;
    }

    private TextCache cache(int slot) {
        if (caches[slot] == null) {
            caches[slot] = new TextCache();
        }
        return caches[slot];
    }

    private int number(int i, ColumnVector vector, int row) {
        int after = json.numberEnd(i);
        int length = after - i;
        if (after < 0 || length > JsonText.MAX_NUMBER) {
            return GIVE_UP;
        }
        if (!json.fraction) {
            int digits = length - (json.text[i] == '-' ? 1 : 0);
            if (digits > MAX_LONG_DIGITS) {
                return GIVE_UP;
            }
            vector.setWhole(row, whole(i, after));
            return after;
        }
        int scale = DecimalText.unscaled(json.text, i, length, unit);
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

    // at most 18 digits, as numberEnd checked them, so the long cannot overflow
    private long whole(int from, int to) {
        char[] chars = json.text;
        boolean negative = chars[from] == '-';
        long value = 0;
        for (int i = negative ? from + 1 : from; i < to; i++) {
            value = value * 10 + (chars[i] - '0');
        }
        return negative ? -value : value;
    }

    // an exponent BigDecimal cannot hold is Jackson's to report
    private BigDecimal exponent(int i, int length) {
        try {
            return new BigDecimal(json.text, i, length);
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
