package dev.plumbline.transform;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The join's entity numbering: short keys compared inside the table, longer ones by their bytes too. */
class EntityKeysTest {

    @Test
    void everyKeyIsFoundByItsStringAndByItsBytesInsideAnyBuffer() {
        List<String> keys = keys(new Random(7), 30_000);
        EntityKeys entities = new EntityKeys();
        for (int i = 0; i < keys.size(); i++) {
            assertThat(entities.add(keys.get(i))).isEqualTo(i);
        }
        assertThat(entities.add(keys.get(123))).isEqualTo(123);
        for (int i = 0; i < keys.size(); i++) {
            byte[] key = keys.get(i).getBytes(StandardCharsets.UTF_8);
            byte[] buffer = new byte[key.length + 5];
            System.arraycopy(key, 0, buffer, 3, key.length);
            assertThat(entities.id(buffer, 3, key.length)).as(keys.get(i)).isEqualTo(i);
            assertThat(entities.find(keys.get(i))).isEqualTo(i);
        }
        // Unknown: a prefix of a long key, a long key one byte longer, a short key one byte shorter.
        for (String unknown : List.of("customer", "customer-0000001x", "e", "1234567", "12345678", "")) {
            assertThat(entities.find(unknown)).as(unknown).isEqualTo(keys.contains(unknown) ? keys.indexOf(unknown)
                    : -1);
        }
        assertThat(entities.size()).isEqualTo(keys.size());
    }

    @Test
    void keysNumberedAsTheyAreReadAndTwoHalvesMerged() {
        List<String> keys = keys(new Random(11), 20_000);
        EntityKeys first = EntityKeys.numberingEveryKey();
        EntityKeys second = EntityKeys.numberingEveryKey();
        for (int i = 0; i < keys.size(); i++) {
            byte[] key = keys.get(i).getBytes(StandardCharsets.UTF_8);
            (i % 3 == 0 ? second : first).id(key, 0, key.length);
            first.id(key, 0, key.length);
        }
        assertThat(first.keys()).containsExactlyElementsOf(keys);
        int[] numbers = first.merge(second);
        for (int i = 0; i < second.size(); i++) {
            assertThat(first.keys().get(numbers[i])).isEqualTo(second.keys().get(i));
        }
        assertThat(first.size()).isEqualTo(keys.size());
    }

    /** Distinct keys: numbers, short codes, long identifiers sharing their first bytes, non-ASCII ones. */
    private static List<String> keys(Random random, int count) {
        Set<String> keys = new LinkedHashSet<>();
        keys.add("");
        // The same hash ("Aa" and "BB" collide), length and first seven bytes: told apart by their bytes alone.
        keys.addAll(List.of("customer-AaAa", "customer-BBBB", "customer-AaBB", "customer-BBAa", "Aa", "BB"));
        while (keys.size() < count) {
            keys.add(switch (random.nextInt(4)) {
                case 0 -> Integer.toString(random.nextInt(10_000_000));
                case 1 -> "e" + random.nextInt(1000);
                case 2 -> "customer-" + String.format("%07d", random.nextInt(10_000_000));
                default -> "kü" + "ß".repeat(random.nextInt(5)) + random.nextInt(100_000);
            });
        }
        return new ArrayList<>(keys);
    }
}
