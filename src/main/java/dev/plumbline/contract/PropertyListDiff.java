package dev.plumbline.contract;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.List;
import java.util.Map;

/**
 * Diffs a {@code properties} list by name: a property removed or renamed is breaking, a new required property
 * is breaking, a new optional one additive.
 */
final class PropertyListDiff {

    private final ChangeLog log;
    private final TreeDiff tree;
    private final PropertyDiff properties;

    PropertyListDiff(ChangeLog log) {
        this.log = log;
        this.tree = new TreeDiff(log);
        this.properties = new PropertyDiff(log, this);
    }

    void diff(DiffLocation list, JsonNode before, JsonNode after) {
        List<KeyedList.Pair> pairs = KeyedList.match(before, after, p -> KeyedList.firstText(p, "name"));
        if (pairs == null) {
            tree.unclassified(list, before, after);
            return;
        }
        Map<String, String> renames = Renames.find(pairs, before, after);
        for (KeyedList.Pair pair : pairs) {
            JsonNode was = TreeDiff.item(before, pair.activeIndex());
            JsonNode is = TreeDiff.item(after, pair.proposedIndex());
            if (pair.inBoth()) {
                properties.diff(list.item(pair.key(), pair.activeIndex(), pair.proposedIndex()).about(pair.key()),
                        was, is);
            } else if (renames.containsKey(pair.key())) {
                String name = renames.get(pair.key());
                int index = pairs.stream().filter(p -> p.key().equals(name)).findFirst().orElseThrow()
                        .proposedIndex();
                renamed(list.item(name, pair.activeIndex(), index), pair.key(), name, was, after.get(index));
            } else if (!renames.containsValue(pair.key())) {
                addedOrRemoved(list.item(pair.key(), pair.activeIndex(), pair.proposedIndex()), pair.key(), was, is);
            }
        }
    }

    private void renamed(DiffLocation at, String oldName, String newName, JsonNode before, JsonNode after) {
        log.record(at, ChangeKind.RENAMED, TextNode.valueOf(oldName), TextNode.valueOf(newName), Impact.BREAKING,
                oldName + " renamed to " + newName + ": consumers reading " + oldName + " would no longer find it");
        properties.diff(at.about(newName), before, after);
    }

    private void addedOrRemoved(DiffLocation at, String name, JsonNode before, JsonNode after) {
        if (after == null) {
            log.record(at, before, null, Impact.BREAKING,
                    name + " removed: consumers reading it would no longer find it");
        } else if (after.path("required").asBoolean(false)) {
            log.record(at, null, after, Impact.BREAKING,
                    "new required field " + name + ": records sent today lack it and would be rejected");
        } else {
            log.record(at, null, after, Impact.ADDITIVE,
                    "new optional field " + name + ": records sent today stay valid");
        }
    }
}
