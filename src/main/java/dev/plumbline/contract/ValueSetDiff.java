package dev.plumbline.contract;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Diffs a list of allowed values ({@code validValues}, {@code value_set}) or of values counted as missing
 * ({@code missingValues}) as a set: the order of the members never matters.
 */
final class ValueSetDiff {

    private final ChangeLog log;
    private final TreeDiff tree;

    ValueSetDiff(ChangeLog log, TreeDiff tree) {
        this.log = log;
        this.tree = tree;
    }

    /**
     * Diffs the sets; when {@code allowed}, dropping a member is breaking and adding one additive, otherwise (the
     * members are what fails) the other way round.
     */
    void diff(DiffLocation at, JsonNode before, JsonNode after, boolean allowed, Effect effect) {
        if (JsonValues.same(before, after)) {
            return;
        }
        if (before != null && !before.isArray() || after != null && !after.isArray()) {
            tree.unclassified(at, before, after);
            return;
        }
        if (before == null || after == null) {
            boolean tighter = before == null;
            log.record(at, before, after, tighter ? Impact.BREAKING : Impact.ADDITIVE,
                    TreeDiff.what(at.label(at.name()), before, after) + ": "
                            + (tighter ? effect.tighter() : effect.looser()));
            return;
        }
        List<String> dropped = missingFrom(before, after);
        List<String> added = missingFrom(after, before);
        boolean tighter = allowed ? !dropped.isEmpty() : !added.isEmpty();
        boolean looser = allowed ? !added.isEmpty() : !dropped.isEmpty();
        Impact impact = tighter ? Impact.BREAKING : looser ? Impact.ADDITIVE : Impact.DOCUMENTATION;
        String consequence = tighter ? effect.tighter() : looser ? effect.looser() : TreeDiff.DOCUMENTATION;
        log.record(at, before, after, impact, at.label(at.name()) + " " + movement(dropped, added) + ": "
                + consequence);
    }

    private static String movement(List<String> dropped, List<String> added) {
        if (dropped.isEmpty() && added.isEmpty()) {
            return "reordered";
        }
        if (added.isEmpty()) {
            return "loses " + String.join(", ", dropped);
        }
        if (dropped.isEmpty()) {
            return "gains " + String.join(", ", added);
        }
        return "loses " + String.join(", ", dropped) + " and gains " + String.join(", ", added);
    }

    /** The members of the first list the second lacks, as written, in the first list's order. */
    private static List<String> missingFrom(JsonNode first, JsonNode second) {
        Map<String, String> others = members(second);
        List<String> missing = new ArrayList<>();
        members(first).forEach((member, shown) -> {
            if (!others.containsKey(member)) {
                missing.add(shown);
            }
        });
        return missing;
    }

    private static Map<String, String> members(JsonNode list) {
        Map<String, String> members = new LinkedHashMap<>();
        list.forEach(value -> members.putIfAbsent(JsonValues.member(value), JsonValues.show(value)));
        return members;
    }
}
