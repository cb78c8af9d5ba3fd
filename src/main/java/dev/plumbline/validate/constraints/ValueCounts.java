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
        Object[] keys = new Object[rows];
        for (int i = 0; i < rows; i++) {
            if (values.isNull(i)) {
                first[i] = -1;
                continue;
            }
            Object key = values.kind(i) == ColumnVector.TEXT ? values.text(i) : ColumnValues.key(values.node(i));
            keys[i] = key;
            int hash = key.hashCode() * 0x9E3779B9;
            int slot = (hash ^ (hash >>> 16)) & mask;
            while (table[slot] != 0 && !keys[table[slot] - 1].equals(key)) {
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
