package dev.plumbline.contract;

import com.fasterxml.jackson.databind.JsonNode;
import dev.plumbline.contract.Bound.Side;
import java.math.BigDecimal;
import java.util.Set;

/**
 * Diffs one quality rule kept in both contracts: its threshold, the arguments of a library metric, and the
 * keyword arguments of a Great Expectations implementation; wording is documentation.
 */
final class RuleDiff {

    private static final Set<String> DOCUMENTATION = Set.of("description", "dimension", "tags", "businessImpact",
            "authoritativeDefinitions", "name", "id");

    private final ChangeLog log;
    private final TreeDiff tree;
    private final ThresholdDiff threshold;
    private final BoundDiff bounds;
    private final ValueSetDiff valueSets;

    RuleDiff(ChangeLog log) {
        this.log = log;
        this.tree = new TreeDiff(log);
        this.threshold = new ThresholdDiff(log);
        this.bounds = new BoundDiff(log, tree);
        this.valueSets = new ValueSetDiff(log, tree);
    }

    void diff(DiffLocation rule, JsonNode before, JsonNode after) {
        Set<String> judged = threshold.diff(rule, before, after);
        for (String name : JsonValues.fieldNames(before, after)) {
            JsonNode was = before.get(name);
            JsonNode is = after.get(name);
            if (judged.contains(name) || JsonValues.same(was, is)) {
                continue;
            }
            DiffLocation at = rule.field(name, was != null, is != null);
            if (name.equals("arguments") && bothObjects(was, is)) {
                arguments(at, was, is);
            } else if (name.equals("implementation") && bothObjects(was, is)) {
                implementation(at, was, is);
            } else if (DOCUMENTATION.contains(name)) {
                tree.documentation(at, was, is);
            } else {
                tree.unclassified(at, was, is);
            }
        }
    }

    private void arguments(DiffLocation arguments, JsonNode before, JsonNode after) {
        for (String name : JsonValues.fieldNames(before, after)) {
            JsonNode was = before.get(name);
            JsonNode is = after.get(name);
            DiffLocation at = arguments.field(name, was != null, is != null);
            switch (name) {
                case "validValues" -> valueSets.diff(at, was, is, true, Effect.RULE);
                case "missingValues" -> valueSets.diff(at, was, is, false, Effect.RULE);
                case "pattern" -> tree.restriction(at, was, is, Effect.RULE);
                default -> tree.unclassified(at, was, is);
            }
        }
    }

    private void implementation(DiffLocation implementation, JsonNode before, JsonNode after) {
        for (String name : JsonValues.fieldNames(before, after)) {
            JsonNode was = before.get(name);
            JsonNode is = after.get(name);
            DiffLocation at = implementation.field(name, was != null, is != null);
            if (name.equals("kwargs") && bothObjects(was, is)) {
                kwargs(at, was, is);
            } else {
                tree.unclassified(at, was, is);
            }
        }
    }

    private void kwargs(DiffLocation kwargs, JsonNode before, JsonNode after) {
        Set<String> judged = bounds.diff(kwargs, before, after, Side.KWARGS, Effect.RULE);
        for (String name : JsonValues.fieldNames(before, after)) {
            JsonNode was = before.get(name);
            JsonNode is = after.get(name);
            if (judged.contains(name) || JsonValues.same(was, is)) {
                continue;
            }
            DiffLocation at = kwargs.field(name, was != null, is != null);
            switch (name) {
                case "mostly" -> mostly(at, was, is);
                case "value_set" -> valueSets.diff(at, was, is, true, Effect.RULE);
                case "type_" -> new LogicalTypeDiff(log).diff(at, "type_", was, is, Effect.RULE);
                default -> tree.unclassified(at, was, is);
            }
        }
    }

    /** {@code mostly} is the share of values that must pass, 1 when not written: raising it is breaking. */
    private void mostly(DiffLocation at, JsonNode before, JsonNode after) {
        if (before != null && !before.isNumber() || after != null && !after.isNumber()) {
            tree.unclassified(at, before, after);
            return;
        }
        int cmp = share(after).compareTo(share(before));
        String from = before == null ? "1 (not written)" : JsonValues.show(before);
        String to = after == null ? "1 (not written)" : JsonValues.show(after);
        String head = at.label("mostly") + (cmp > 0 ? " raised" : cmp < 0 ? " lowered" : " rewritten") + " from "
                + from + " to " + to + ": ";
        if (cmp > 0) {
            log.record(at, before, after, Impact.BREAKING, head + Effect.RULE.tighter());
        } else if (cmp < 0) {
            log.record(at, before, after, Impact.ADDITIVE, head + Effect.RULE.looser());
        } else {
            log.record(at, before, after, Impact.DOCUMENTATION, head + TreeDiff.DOCUMENTATION);
        }
    }

    private static BigDecimal share(JsonNode mostly) {
        return mostly == null ? BigDecimal.ONE : mostly.decimalValue();
    }

    private static boolean bothObjects(JsonNode a, JsonNode b) {
        return a != null && b != null && a.isObject() && b.isObject();
    }
}
