package dev.plumbline.contract;

import static dev.plumbline.contract.JsonValues.show;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * Diffs two values field by field with one impact for all it finds: for documentation, and for fields whose
 * effect on the data Plumbline cannot judge. Lists of objects are paired by a name-like field when every item
 * has one; other lists are compared as one value.
 */
final class TreeDiff {

    static final String DOCUMENTATION = "documentation only, the data accepted is unchanged";
    static final String UNCLASSIFIED = "Plumbline cannot tell how this changes the data accepted, so it counts "
            + "as breaking";

    private final ChangeLog log;

    TreeDiff(ChangeLog log) {
        this.log = log;
    }

    void documentation(DiffLocation at, JsonNode before, JsonNode after) {
        walk(at, before, after, Impact.DOCUMENTATION, DOCUMENTATION);
    }

    void unclassified(DiffLocation at, JsonNode before, JsonNode after) {
        walk(at, before, after, Impact.BREAKING, UNCLASSIFIED);
    }

    private void walk(DiffLocation at, JsonNode before, JsonNode after, Impact impact, String consequence) {
        if (JsonValues.same(before, after)) {
            return;
        }
        if (before != null && after != null && before.isObject() && after.isObject()) {
            for (String name : JsonValues.fieldNames(before, after)) {
                walk(at.field(name, before.has(name), after.has(name)), before.get(name), after.get(name), impact,
                        consequence);
            }
            return;
        }
        List<KeyedList.Pair> pairs = before != null && after != null && before.isArray() && after.isArray()
                ? KeyedList.match(before, after, item -> KeyedList.firstText(item, "name", "property", "id",
                        "channel", "username", "url", "server"))
                : null;
        if (pairs == null) {
            log.record(at, before, after, impact, what(at, before, after) + ": " + consequence);
            return;
        }
        for (KeyedList.Pair pair : pairs) {
            walk(at.item(pair.key(), pair.activeIndex(), pair.proposedIndex()), item(before, pair.activeIndex()),
                    item(after, pair.proposedIndex()), impact, consequence);
        }
    }

    /**
     * Records a restriction whose values cannot be ordered (a pattern, a format): adding or changing it is
     * breaking, removing it additive.
     */
    void restriction(DiffLocation at, JsonNode before, JsonNode after, Effect effect) {
        if (JsonValues.same(before, after)) {
            return;
        }
        boolean looser = after == null;
        log.record(at, before, after, looser ? Impact.ADDITIVE : Impact.BREAKING,
                what(at.label(at.name()), before, after) + ": " + (looser ? effect.looser() : effect.tighter()));
    }

    /** What happened, as the first half of a reviewer's sentence: "amount's description changed". */
    static String what(DiffLocation at, JsonNode before, JsonNode after) {
        return what(at.label(), before, after);
    }

    static String what(String label, JsonNode before, JsonNode after) {
        if (before == null) {
            return label + (after.isValueNode() ? " set to " + show(after) : " added");
        }
        if (after == null) {
            return label + " removed";
        }
        boolean scalars = before.isValueNode() && after.isValueNode();
        return label + " changed" + (scalars ? " from " + show(before) + " to " + show(after) : "");
    }

    static JsonNode item(JsonNode list, int index) {
        return index < 0 ? null : list.get(index);
    }
}
