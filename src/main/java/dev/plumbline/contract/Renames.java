package dev.plumbline.contract;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Tells a renamed property from a property removed and another added in the same list. They are one property
 * renamed when both carry the same stable {@code id}, or when their definitions are the same apart from names
 * and wording and their names are similar (one contains the other, or they differ in at most half their
 * letters). A removed property is paired with the closest such name; a rename is breaking either way.
 */
final class Renames {

    private static final Set<String> NOT_DEFINITION = Set.of("name", "physicalName", "id", "description",
            "businessName", "tags", "examples", "authoritativeDefinitions");

    private Renames() {
    }

    /** The new name of each removed property that was renamed, by its old name. */
    static Map<String, String> find(List<KeyedList.Pair> pairs, JsonNode before, JsonNode after) {
        Map<String, String> renames = new LinkedHashMap<>();
        Set<String> taken = new HashSet<>();
        for (KeyedList.Pair gone : pairs) {
            if (gone.proposedIndex() >= 0) {
                continue;
            }
            String best = null;
            int closest = Integer.MAX_VALUE;
            for (KeyedList.Pair fresh : pairs) {
                if (fresh.activeIndex() >= 0 || taken.contains(fresh.key())
                        || !renamed(before.get(gone.activeIndex()), after.get(fresh.proposedIndex()))) {
                    continue;
                }
                int distance = distance(normal(gone.key()), normal(fresh.key()));
                if (distance < closest) {
                    best = fresh.key();
                    closest = distance;
                }
            }
            if (best != null) {
                renames.put(gone.key(), best);
                taken.add(best);
            }
        }
        return renames;
    }

    static boolean renamed(JsonNode old, JsonNode now) {
        String id = KeyedList.firstText(old, "id");
        if (id != null && id.equals(KeyedList.firstText(now, "id"))) {
            return true;
        }
        return JsonValues.same(definition(old), definition(now))
                && similar(old.path("name").asText(), now.path("name").asText());
    }

    static boolean similar(String a, String b) {
        String x = normal(a);
        String y = normal(b);
        return x.contains(y) || y.contains(x) || 2 * distance(x, y) <= Math.max(x.length(), y.length());
    }

    private static JsonNode definition(JsonNode property) {
        ObjectNode definition = property.deepCopy();
        definition.remove(NOT_DEFINITION);
        return definition;
    }

    private static String normal(String name) {
        return name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
    }

    /** The Levenshtein distance: the fewest letters inserted, deleted or replaced to turn one into the other. */
    private static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            int[] current = new int[b.length() + 1];
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int replace = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(replace, Math.min(previous[j], current[j - 1]) + 1);
            }
            previous = current;
        }
        return previous[b.length()];
    }
}
