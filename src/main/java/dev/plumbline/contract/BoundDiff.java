package dev.plumbline.contract;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.plumbline.contract.Bound.Side;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Diffs the bounds of a range side by side: a bound that accepts less is breaking, one that accepts more additive. */
final class BoundDiff {

    private final ChangeLog log;
    private final TreeDiff tree;

    BoundDiff(ChangeLog log, TreeDiff tree) {
        this.log = log;
        this.tree = tree;
    }

    /** Diffs every side written in either object and returns the keys it has judged. */
    Set<String> diff(DiffLocation at, JsonNode before, JsonNode after, List<Side> sides, Effect effect) {
        Set<String> judged = new HashSet<>();
        for (Side side : sides) {
            if (side.writtenIn(before) || side.writtenIn(after)) {
                judged.addAll(side.keys());
                side(at, before, after, side, effect);
            }
        }
        return judged;
    }

    private void side(DiffLocation at, JsonNode before, JsonNode after, Side side, Effect effect) {
        List<String> differing = side.keys().stream().filter(k -> !JsonValues.same(at(before, k), at(after, k)))
                .toList();
        if (differing.isEmpty()) {
            return;
        }
        if (!side.readableIn(before) || !side.readableIn(after)) {
            differing.forEach(k -> tree.unclassified(at.field(k, has(before, k), has(after, k)), at(before, k),
                    at(after, k)));
            return;
        }
        Bound was = side.read(before);
        Bound is = side.read(after);
        int tightening = side.tightening(was, is);
        Impact impact = tightening > 0 ? Impact.BREAKING : tightening < 0 ? Impact.ADDITIVE : Impact.DOCUMENTATION;
        String effectText = tightening > 0 ? effect.tighter() : tightening < 0 ? effect.looser()
                : TreeDiff.DOCUMENTATION;
        String reason = at.label(side.name()) + " " + movement(was, is) + ": " + effectText;
        if (differing.size() == 1) {
            String key = differing.get(0);
            log.record(at.field(key, has(before, key), has(after, key)), at(before, key), at(after, key), impact,
                    reason);
        } else {
            DiffLocation where = at.field(holder(is != null ? after : before, side),
                    was == null ? null : holder(before, side), is == null ? null : holder(after, side));
            log.record(where, written(before, side), written(after, side), impact, reason);
        }
    }

    private static String movement(Bound was, Bound is) {
        if (was == null) {
            return "set to " + is;
        }
        if (is == null) {
            return "of " + was + " removed";
        }
        int cmp = is.value().compareTo(was.value());
        if (cmp == 0) {
            return was.exclusive() == is.exclusive() ? "written differently, still " + is
                    : "of " + JsonValues.plain(is.value()) + " is now " + (is.exclusive() ? "exclusive" : "inclusive");
        }
        if (was.exclusive() != is.exclusive()) {
            return "changed from " + was + " to " + is;
        }
        return (cmp > 0 ? "raised" : "lowered") + " from " + was + " to " + is;
    }

    private static String holder(JsonNode node, Side side) {
        return node.has(side.key()) || side.exclusiveKey() == null ? side.key() : side.exclusiveKey();
    }

    private static JsonNode written(JsonNode node, Side side) {
        if (node == null || !side.writtenIn(node)) {
            return null;
        }
        ObjectNode written = JsonNodeFactory.instance.objectNode();
        side.keys().stream().filter(node::has).forEach(k -> written.set(k, node.get(k)));
        return written;
    }

    private static JsonNode at(JsonNode node, String key) {
        return node == null ? null : node.get(key);
    }

    private static boolean has(JsonNode node, String key) {
        return node != null && node.has(key);
    }
}
