package dev.plumbline.contract;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import java.util.Set;

/**
 * Diffs a logical type: widening (integer → number, a date or time → string) keeps every record valid and is
 * additive; any other change may reject records valid today and is breaking.
 */
final class LogicalTypeDiff {

    private static final Map<String, Set<String>> WIDER = Map.of(
            "integer", Set.of("number"),
            "date", Set.of("string"),
            "timestamp", Set.of("string"),
            "time", Set.of("string"));

    private final ChangeLog log;

    LogicalTypeDiff(ChangeLog log) {
        this.log = log;
    }

    static boolean widens(String from, String to) {
        return WIDER.getOrDefault(from, Set.of()).contains(to);
    }

    void diff(DiffLocation at, String name, JsonNode before, JsonNode after, Effect effect) {
        if (JsonValues.same(before, after)) {
            return;
        }
        String label = at.label(name);
        if (before == null || after == null) {
            boolean tighter = before == null;
            log.record(at, before, after, tighter ? Impact.BREAKING : Impact.ADDITIVE, label
                    + (tighter ? " set to " + after.asText() + ": " + effect.tighter()
                            : " of " + before.asText() + " removed: " + effect.looser()));
            return;
        }
        String from = before.asText();
        String to = after.asText();
        if (widens(from, to)) {
            log.record(at, before, after, Impact.ADDITIVE, label + " widened from " + from + " to " + to
                    + ": every record valid today stays valid");
            return;
        }
        String verb = widens(to, from) ? " narrowed" : " changed";
        log.record(at, before, after, Impact.BREAKING, label + verb + " from " + from + " to " + to + ": "
                + effect.tighter());
    }
}
