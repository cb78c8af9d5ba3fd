package dev.plumbline.validate.constraints;

import dev.plumbline.validate.ColumnValues;
import dev.plumbline.validate.ColumnVector;

/**
 * How many times each non-null value of a column occurs in a batch, values being equal as {@link ColumnValues#key}
 * says (a text is its own key): per row, the first row holding the same value, and per such first row, the count.
 * Counted in int arrays with an open-addressing table of row numbers, so that a million distinct keys make no
 * object per key for the garbage collector to copy.
 */
final class ValueCounts {

    private final int[] first;
    private final int[] count;

    private ValueCounts(int[] first, int[] count) {
        this.first = first;
        this.count = count;
    }

    static ValueCounts of(ColumnVector values) {
        int rows = values.size();
        int[] first = new int[rows];
        int[] count = new int[rows];
        int[] table = new int[Integer.highestOneBit(Math.max(2, rows) * 2) * 2];
        int mask = table.length - 1;
        // texts are compared where they lie (often a range of their payload); other values by their keys
        Object[] keys = new Object[rows];
        for (int i = 0; i < rows; i++) {
            if (values.isNull(i)) {
                first[i] = -1;
                continue;
            }
            boolean text = values.kind(i) == ColumnVector.TEXT;
            Object key = text ? null : ColumnValues.key(values.node(i));
            keys[i] = key;
            int hash = (text ? textHash(values, i) : key.hashCode()) * 0x9E3779B9;
            int slot = (hash ^ (hash >>> 16)) & mask;
            while (table[slot] != 0 && !same(values, keys, table[slot] - 1, i)) {
                slot = (slot + 1) & mask;
            }
            if (table[slot] == 0) {
                table[slot] = i + 1;
            }
            first[i] = table[slot] - 1;
            count[first[i]]++;
        }
        return new ValueCounts(first, count);
    }

    private static boolean same(ColumnVector values, Object[] keys, int row, int other) {
        if (keys[row] != null || keys[other] != null) {
            return keys[row] != null && keys[row].equals(keys[other]);
        }
        int start = values.textStart(row);
        int length = values.textEnd(row) - start;
        int otherStart = values.textStart(other);
        return values.textEnd(other) - otherStart == length
                && values.textSource(row).regionMatches(start, values.textSource(other), otherStart, length);
    }

    private static int textHash(ColumnVector values, int row) {
        String source = values.textSource(row);
        int hash = 0;
        for (int i = values.textStart(row), end = values.textEnd(row); i < end; i++) {
            hash = 31 * hash + source.charAt(i);
        }
        return hash;
    }

    boolean isNull(int row) {
        return first[row] < 0;
    }

    /** How many rows hold the value of {@code row}, itself included. */
    int count(int row) {
        return count[first[row]];
    }

    /** Whether {@code row} is the first to hold its value. */
    boolean isFirst(int row) {
        return first[row] == row;
    }
}
