package dev.plumbline.contract;

import com.fasterxml.jackson.databind.JsonNode;
import dev.plumbline.contract.Bound.Side;
import java.util.Set;

/**
 * Diffs a property's {@code logicalTypeOptions}: bounds (minimum, maximum and their exclusive forms, lengths,
 * item counts) by whether they accept less or more; a pattern, format or multipleOf added or changed is
 * breaking and removed additive; other options are unclassified.
 */
final class OptionsDiff {

    private static final Set<String> RESTRICTIONS = Set.of("pattern", "format", "multipleOf", "uniqueItems");

    private final TreeDiff tree;
    private final BoundDiff bounds;

    OptionsDiff(ChangeLog log) {
        this.tree = new TreeDiff(log);
        this.bounds = new BoundDiff(log, tree);
    }

    void diff(DiffLocation options, JsonNode before, JsonNode after) {
        if (before != null && !before.isObject() || after != null && !after.isObject()) {
            tree.unclassified(options, before, after);
            return;
        }
        Set<String> judged = bounds.diff(options, before, after, Side.OPTIONS, Effect.RECORDS);
        for (String name : JsonValues.fieldNames(before, after)) {
            JsonNode was = before == null ? null : before.get(name);
            JsonNode is = after == null ? null : after.get(name);
            if (judged.contains(name)) {
                continue;
            }
            DiffLocation at = options.field(name, was != null, is != null);
            if (RESTRICTIONS.contains(name)) {
                tree.restriction(at, was, is, Effect.RECORDS);
            } else {
                tree.unclassified(at, was, is);
            }
        }
    }
}
