package dev.plumbline.contract;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * Diffs a {@code quality} list, pairing rules by {@code name} or {@code id}, else by what they check (the
 * expectation of a custom rule, the metric of a library rule): a rule added is breaking, a rule removed additive,
 * and text rules, which are never run, are documentation.
 */
final class QualityDiff {

    private final ChangeLog log;
    private final TreeDiff tree;
    private final RuleDiff rules;

    QualityDiff(ChangeLog log) {
        this.log = log;
        this.tree = new TreeDiff(log);
        this.rules = new RuleDiff(log);
    }

    static String keyOf(JsonNode rule) {
        String named = KeyedList.firstText(rule, "name", "id");
        if (named != null) {
            return named;
        }
        JsonNode implementation = rule.path("implementation");
        String expectation = implementation.isObject() ? KeyedList.firstText(implementation, "type") : null;
        if (expectation != null) {
            return expectation;
        }
        String checked = KeyedList.firstText(rule, "metric", "rule", "engine");
        return checked != null ? checked : QualityChecks.typeOf(rule);
    }

    void diff(DiffLocation quality, JsonNode before, JsonNode after) {
        List<KeyedList.Pair> pairs = KeyedList.match(before, after, QualityDiff::keyOf);
        if (pairs == null) {
            tree.unclassified(quality, before, after);
            return;
        }
        for (KeyedList.Pair pair : pairs) {
            JsonNode was = TreeDiff.item(before, pair.activeIndex());
            JsonNode is = TreeDiff.item(after, pair.proposedIndex());
            DiffLocation at = quality.item(pair.key(), pair.activeIndex(), pair.proposedIndex());
            if (pair.inBoth()) {
                rules.diff(at.aboutRule(at.label("") + "'s " + pair.key() + " rule"), was, is);
            } else {
                addedOrRemoved(at, pair.key(), was, is);
            }
        }
    }

    private void addedOrRemoved(DiffLocation at, String key, JsonNode before, JsonNode after) {
        JsonNode rule = before != null ? before : after;
        String owner = at.label("");
        if (QualityChecks.typeOf(rule).equals("text")) {
            log.record(at, before, after, Impact.DOCUMENTATION, owner + "'s text rule " + key
                    + (before == null ? " added" : " removed") + ": text rules are not run, so "
                    + TreeDiff.DOCUMENTATION);
        } else if (before == null) {
            log.record(at, null, after, Impact.BREAKING, owner + " gains the " + key + " rule: "
                    + "data valid today could fail it");
        } else {
            log.record(at, before, null, Impact.ADDITIVE, owner + "'s " + key + " rule removed: "
                    + "data it rejects today would be accepted");
        }
    }
}
