package dev.plumbline.contract;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Locale;

/**
 * Diffs a {@code customProperties} list entry by entry. A property's {@code unit} or {@code currency}, a frozen
 * drift baseline (any entry whose name ends in {@code baseline}), the contract's {@code eventTimeField} and its
 * {@code alertThresholds} are classified; other entries are documentation outside the schema and unclassified (breaking) inside it.
 */
final class CustomPropertiesDiff {

    private static final List<String> UNITS = List.of("unit", "currency");

    private final ChangeLog log;
    private final TreeDiff tree;
    private final boolean inSchema;

    CustomPropertiesDiff(ChangeLog log, boolean inSchema) {
        this.log = log;
        this.tree = new TreeDiff(log);
        this.inSchema = inSchema;
    }

    void diff(DiffLocation list, JsonNode before, JsonNode after) {
        List<KeyedList.Pair> pairs = KeyedList.match(before, after, entry -> KeyedList.firstText(entry, "property"));
        if (pairs == null) {
            other(list, before, after);
            return;
        }
        for (KeyedList.Pair pair : pairs) {
            JsonNode was = TreeDiff.item(before, pair.activeIndex());
            JsonNode is = TreeDiff.item(after, pair.proposedIndex());
            DiffLocation at = list.item(pair.key(), pair.activeIndex(), pair.proposedIndex());
            if (!pair.inBoth()) {
                entry(at, pair.key(), was, is, value(was), value(is));
                continue;
            }
            for (String name : JsonValues.fieldNames(was, is)) {
                DiffLocation field = at.field(name, was.has(name), is.has(name));
                if (name.equals("value")) {
                    entry(field, pair.key(), was.get(name), is.get(name), was.get(name), is.get(name));
                } else {
                    tree.documentation(field, was.get(name), is.get(name));
                }
            }
        }
    }

    /** Records a change to the entry or its value ({@code recorded…}), judged by the values it gives. */
    private void entry(DiffLocation at, String name, JsonNode recordedBefore, JsonNode recordedAfter,
            JsonNode before, JsonNode after) {
        if (JsonValues.same(recordedBefore, recordedAfter)) {
            return;
        }
        String what = TreeDiff.what(at.label(name), before, after);
        if (inSchema && UNITS.contains(name)) {
            log.record(at, recordedBefore, recordedAfter, Impact.BREAKING,
                    what + ": the same numbers would be read in a different " + name);
        } else if (name.toLowerCase(Locale.ROOT).endsWith("baseline")) {
            baseline(at, name, recordedBefore, recordedAfter);
        } else if (!inSchema && name.equals(AlertOverrides.PROPERTY)) {
            log.record(at, recordedBefore, recordedAfter, Impact.ADDITIVE,
                    thresholds(at.label(name), before, after) + ": the alerts on this dataset change; the records "
                            + "it accepts do not");
        } else if (!inSchema && name.equals(ActiveContract.EVENT_TIME_FIELD)) {
            log.record(at, recordedBefore, recordedAfter, Impact.BREAKING,
                    what + ": point-in-time joins and features would read a different clock");
        } else {
            other(at, recordedBefore, recordedAfter);
        }
    }

    private void baseline(DiffLocation at, String name, JsonNode before, JsonNode after) {
        String label = at.label(name);
        if (after == null) {
            log.record(at, before, null, Impact.ADDITIVE,
                    label + " removed: drift would no longer be checked against it");
        } else {
            log.record(at, before, after, Impact.BREAKING, label + (before == null ? " added" : " replaced")
                    + ": drift would be measured against a different frozen reference, so data that passes "
                    + "today could raise drift");
        }
    }

    /** What changed in alert thresholds, threshold by threshold when both sides give some. */
    private static String thresholds(String label, JsonNode before, JsonNode after) {
        if (before == null || after == null || !before.isObject() || !after.isObject()) {
            return TreeDiff.what(label, before, after);
        }
        List<String> changes = JsonValues.fieldNames(before, after).stream()
                .filter(field -> !JsonValues.same(before.get(field), after.get(field)))
                .map(field -> TreeDiff.what(field, before.get(field), after.get(field))).toList();
        return label + ": " + String.join(", ", changes);
    }

    private static JsonNode value(JsonNode entry) {
        return entry == null ? null : entry.get("value");
    }

    private void other(DiffLocation at, JsonNode before, JsonNode after) {
        if (inSchema) {
            tree.unclassified(at, before, after);
        } else {
            tree.documentation(at, before, after);
        }
    }
}
