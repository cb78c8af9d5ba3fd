package dev.plumbline.contract;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Pairs the items of a list in the active and the proposed contract by a key (a property's name, a custom
 * property's {@code property}), so that reordering a list is not a change. A key written twice gets a
 * {@code #2} suffix on its second occurrence.
 */
final class KeyedList {

    /** One key with its index in each list, or -1 where that list lacks it. */
    record Pair(String key, int activeIndex, int proposedIndex) {

        boolean inBoth() {
            return activeIndex >= 0 && proposedIndex >= 0;
        }
    }

    private KeyedList() {
    }

    /** The pairs in the active list's order, then the proposed list's new keys; null if an item has no key. */
    static List<Pair> match(JsonNode active, JsonNode proposed, Function<JsonNode, String> keyOf) {
        Map<String, Integer> before = keys(active, keyOf);
        Map<String, Integer> after = keys(proposed, keyOf);
        if (before == null || after == null) {
            return null;
        }
        List<Pair> pairs = new ArrayList<>();
        before.forEach((key, index) -> pairs.add(new Pair(key, index, after.getOrDefault(key, -1))));
        after.forEach((key, index) -> {
            if (!before.containsKey(key)) {
                pairs.add(new Pair(key, -1, index));
            }
        });
        return pairs;
    }

    private static Map<String, Integer> keys(JsonNode list, Function<JsonNode, String> keyOf) {
        Map<String, Integer> keys = new LinkedHashMap<>();
        if (list == null || !list.isArray()) {
            return list == null || list.isNull() ? keys : null;
        }
        for (int i = 0; i < list.size(); i++) {
            String key = list.get(i).isObject() ? keyOf.apply(list.get(i)) : null;
            if (key == null) {
                return null;
            }
            String unique = key;
            for (int n = 2; keys.containsKey(unique); n++) {
                unique = key + "#" + n;
            }
            keys.put(unique, i);
        }
        return keys;
    }

    /** The text of the first of the fields an item has, or null. */
    static String firstText(JsonNode item, String... fields) {
        for (String field : fields) {
            JsonNode value = item.get(field);
            if (value != null && value.isValueNode() && !value.isNull()) {
                return value.asText();
            }
        }
        return null;
    }
}
