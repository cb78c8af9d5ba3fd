package dev.plumbline.transform;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Entity keys numbered 0, 1, 2… in order of first appearance, looked up by their UTF-8 bytes as they arrive from
 * PostgreSQL: the label rows' keys, so that reading an event of an entity no label names costs no string; or, for
 * a read of a whole view version ({@link #numberingEveryKey}), every key read.
 */
final class EntityKeys {

    private final boolean numberEveryKey;
    private final List<String> keys = new ArrayList<>();
    private byte[][] slotKeys = new byte[1024][];
    private int[] slotHashes = new int[1024];
    private int[] slotIds = new int[1024];

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

    /** The entity's number, numbering it if it is new. */
    int add(String entity) {
        byte[] key = entity.getBytes(StandardCharsets.UTF_8);
        int hash = hash(key, 0, key.length);
        int slot = slot(hash, key, 0, key.length);
        if (slotKeys[slot] != null) {
            return slotIds[slot];
        }
        return insert(slot, key, hash, entity);
    }

    boolean numbersEveryKey() {
        return numberEveryKey;
    }

    /** The entity's number, or −1 when it has none. */
    int find(String entity) {
        byte[] key = entity.getBytes(StandardCharsets.UTF_8);
        int slot = slot(hash(key, 0, key.length), key, 0, key.length);
        return slotKeys[slot] == null ? -1 : slotIds[slot];
    }

    /** The number of the entity whose key is these bytes; −1 when it has none and is not to be numbered. */
    int id(byte[] bytes, int offset, int length) {
        int hash = hash(bytes, offset, length);
        int slot = slot(hash, bytes, offset, length);
        if (slotKeys[slot] != null) {
            return slotIds[slot];
        }
        if (!numberEveryKey) {
            return -1;
        }
        byte[] key = Arrays.copyOfRange(bytes, offset, offset + length);
        return insert(slot, key, hash, new String(key, StandardCharsets.UTF_8));
    }

    /** Numbers {@code other}'s keys here too; element i of the answer is the number here of other's key i. */
    int[] merge(EntityKeys other) {
        int[] numbers = new int[other.size()];
        for (int i = 0; i < numbers.length; i++) {
            numbers[i] = add(other.keys.get(i));
        }
        return numbers;
    }

    private int insert(int slot, byte[] key, int hash, String entity) {
        slotKeys[slot] = key;
        slotHashes[slot] = hash;
        slotIds[slot] = keys.size();
        keys.add(entity);
        if (keys.size() * 2 > slotKeys.length) {
            rehash();
        }
        return keys.size() - 1;
    }

    int size() {
        return keys.size();
    }

    List<String> keys() {
        return keys;
    }

    /**
     * Open addressing with linear probing: the key's slot, or the empty slot where it would go. The slot is the
     * hash's top bits after a Fibonacci multiply, so that keys such as "1001", "1002"… do not fill runs of
     * neighbouring slots, which would make every probe long.
     */
    private int slot(int hash, byte[] bytes, int offset, int length) {
        int mask = slotKeys.length - 1;
        int slot = (hash * 0x9E3779B9) >>> Integer.numberOfLeadingZeros(mask);
        while (slotKeys[slot] != null && (slotHashes[slot] != hash || !same(slotKeys[slot], bytes, offset, length))) {
            slot = (slot + 1) & mask;
        }
        return slot;
    }

    private static boolean same(byte[] key, byte[] bytes, int offset, int length) {
        if (key.length != length) {
            return false;
        }
        for (int i = 0; i < length; i++) {
            if (key[i] != bytes[offset + i]) {
                return false;
            }
        }
        return true;
    }

    private void rehash() {
        byte[][] oldKeys = slotKeys;
        int[] oldHashes = slotHashes;
        int[] oldIds = slotIds;
        slotKeys = new byte[oldKeys.length * 2][];
        slotHashes = new int[oldKeys.length * 2];
        slotIds = new int[oldKeys.length * 2];
        for (int i = 0; i < oldKeys.length; i++) {
            if (oldKeys[i] != null) {
                int slot = slot(oldHashes[i], oldKeys[i], 0, oldKeys[i].length);
                slotKeys[slot] = oldKeys[i];
                slotHashes[slot] = oldHashes[i];
                slotIds[slot] = oldIds[i];
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
