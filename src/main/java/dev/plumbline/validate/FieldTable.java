package dev.plumbline.validate;

import java.util.Map;

/**
 * The columns a batch read wants, found by a field name's characters and {@code String.hashCode}-style hash
 * without making a string of the name: an open-addressing table, at most half full.
 */
final class FieldTable {

    private final char[][] names;
    // whether a name can be matched by its characters alone: none of them is a quote, a backslash or a control
    private final boolean[] plain;
    private final int[] hashes;
    private final ColumnVector[] vectors;
    private final int mask;

    FieldTable(Map<String, ColumnVector> wanted) {
        int capacity = Integer.highestOneBit(Math.max(2, wanted.size()) * 2) * 2;
        names = new char[capacity][];
        plain = new boolean[capacity];
        hashes = new int[capacity];
        vectors = new ColumnVector[capacity];
        mask = capacity - 1;
        wanted.forEach((name, vector) -> {
            int slot = slot(name.hashCode());
            while (names[slot] != null) {
                slot = (slot + 1) & mask;
            }
            names[slot] = name.toCharArray();
            plain[slot] = name.length() < JsonText.MAX_NAME
                    && name.chars().allMatch(c -> c >= 0x20 && c != '"' && c != '\\');
            hashes[slot] = name.hashCode();
            vectors[slot] = vector;
        });
    }

    /** The slot of the field named by {@code text[from, from + length)}, whose hash is {@code hash}; or -1. */
    int find(char[] text, int from, int length, int hash) {
        for (int slot = slot(hash); names[slot] != null; slot = (slot + 1) & mask) {
            char[] name = names[slot];
            if (hashes[slot] == hash && JsonText.sameChars(name, text, from, from + length)) {
                return slot;
            }
        }
        return -1;
    }

    /**
     * Past the name of {@code slot} if the field name starting at {@code text[from]} is exactly that name (its
     * characters, then the closing quote); otherwise -1. For a name expected at this place, as in the row before.
     */
    int nameEnd(int slot, char[] text, int from, int end) {
        if (slot < 0 || !plain[slot]) {
            return -1;
        }
        char[] name = names[slot];
        int close = from + name.length;
        return close < end && text[close] == '"' && JsonText.sameChars(name, text, from, close) ? close : -1;
    }

    ColumnVector vector(int slot) {
        return vectors[slot];
    }

    /** How many slots there are: a found slot is below it. */
    int slots() {
        return names.length;
    }

    private int slot(int hash) {
        return (hash ^ (hash >>> 16)) & mask;
    }
}
