package dev.plumbline.transform;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Entity keys numbered 0, 1, 2… in order of first appearance, looked up by their UTF-8 bytes as they arrive from
 * PostgreSQL: the label rows' keys, so that reading an event of an entity no label names costs no string; or, for
 * a read of a whole view version ({@link #numberingEveryKey}), every key read.
 *
 * <p>A lookup runs once per event read, so the table keeps what it compares in one array: per slot, the key's hash
 * and number, then its length and first seven bytes. A key of up to seven bytes (most entity keys: numbers,
 * currency codes, short identifiers) is compared there whole, in the slot's cache line; only longer keys are also
 * compared with their bytes, kept apart.
 */
final class EntityKeys {

    private static final int PREFIX_BYTES = 7;

    private final boolean numberEveryKey;
    private final List<String> keys = new ArrayList<>();
    private final List<byte[]> keyBytes = new ArrayList<>();
    /** Two longs a slot: hash (high half) and number + 1 (low half, 0 for an empty slot); length and prefix. */
    private long[] slots = new long[2 * 1024];

    /** Keys numbered by {@link #add} only: {@link #id} answers −1 for any other. */
    EntityKeys() {
        this(false);
    }

    private EntityKeys(boolean numberEveryKey) {
        this.numberEveryKey = numberEveryKey;
    }

    /** Keys that {@link #id} numbers as it meets them. Not for two threads at once. */
    static EntityKeys numberingEveryKey() {
        return new EntityKeys(true);
    }

    boolean numbersEveryKey() {
        return numberEveryKey;
    }

    /** The entity's number, numbering it if it is new. */
    int add(String entity) {
        byte[] key = entity.getBytes(StandardCharsets.UTF_8);
        int slot = slot(key, 0, key.length);
        int number = number(slot);
        return number >= 0 ? number : insert(slot, key, entity);
    }

    /** The entity's number, or −1 when it has none. */
    int find(String entity) {
        byte[] key = entity.getBytes(StandardCharsets.UTF_8);
        return number(slot(key, 0, key.length));
    }

    /** The number of the entity whose key is these bytes; −1 when it has none and is not to be numbered. */
    int id(byte[] bytes, int offset, int length) {
        int slot = slot(bytes, offset, length);
        int number = number(slot);
        if (number >= 0 || !numberEveryKey) {
            return number;
        }
        byte[] key = Arrays.copyOfRange(bytes, offset, offset + length);
        return insert(slot, key, new String(key, StandardCharsets.UTF_8));
    }

    /** Numbers {@code other}'s keys here too; element i of the answer is the number here of other's key i. */
    int[] merge(EntityKeys other) {
        int[] numbers = new int[other.size()];
        for (int i = 0; i < numbers.length; i++) {
            numbers[i] = add(other.keys.get(i));
        }
        return numbers;
    }

    int size() {
        return keys.size();
    }

    List<String> keys() {
        return keys;
    }

    private int number(int slot) {
        return (int) slots[2 * slot] - 1;
    }

    private int insert(int slot, byte[] key, String entity) {
        slots[2 * slot] = (long) hash(key, 0, key.length) << 32 | (keys.size() + 1);
        slots[2 * slot + 1] = prefix(key, 0, key.length);
        keys.add(entity);
        keyBytes.add(key);
        if (keys.size() * 4 > slots.length) {
            rehash();
        }
        return keys.size() - 1;
    }

    /** The slot of the key with these bytes, or the empty slot where it would go. */
    private int slot(byte[] bytes, int offset, int length) {
        return slot(hash(bytes, offset, length), prefix(bytes, offset, length), bytes, offset, length);
    }

    /**
     * Open addressing with linear probing: the key's slot, or the empty slot where it would go. The slot is the
     * hash's top bits after a Fibonacci multiply, so that keys such as "1001", "1002"… do not fill runs of
     * neighbouring slots, which would make every probe long.
     */
    private int slot(int hash, long prefix, byte[] bytes, int offset, int length) {
        int mask = slots.length / 2 - 1;
        int slot = (hash * 0x9E3779B9) >>> Integer.numberOfLeadingZeros(mask);
        while (slots[2 * slot] != 0 && ((int) (slots[2 * slot] >>> 32) != hash || slots[2 * slot + 1] != prefix
                || length > PREFIX_BYTES && !same(keyBytes.get(number(slot)), bytes, offset, length))) {
            slot = (slot + 1) & mask;
        }
        return slot;
    }

    /**
     * The key's length (low byte; 255 for 255 and more) and its first seven bytes: the whole key when it is that
     * short. Keys longer than seven bytes are compared whole as well.
     */
    private static long prefix(byte[] bytes, int offset, int length) {
        long prefix = Math.min(length, 0xFF);
        for (int i = 0; i < Math.min(length, PREFIX_BYTES); i++) {
            prefix |= (bytes[offset + i] & 0xFFL) << (8 * (i + 1));
        }
        return prefix;
    }

    private static boolean same(byte[] key, byte[] bytes, int offset, int length) {
        return Arrays.equals(key, 0, key.length, bytes, offset, offset + length);
    }

    private void rehash() {
        long[] old = slots;
        slots = new long[old.length * 2];
        for (int i = 0; i < old.length; i += 2) {
            if (old[i] != 0) {
                int number = (int) old[i] - 1;
                byte[] key = keyBytes.get(number);
                int slot = slot((int) (old[i] >>> 32), old[i + 1], key, 0, key.length);
                slots[2 * slot] = old[i];
                slots[2 * slot + 1] = old[i + 1];
            }
        }
    }

    private static int hash(byte[] bytes, int offset, int length) {
        int h = 0;
        for (int i = offset; i < offset + length; i++) {
            h = 31 * h + bytes[i];
        }
        return h;
    }
}
