package dev.plumbline.contract;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.util.List;
import java.util.Set;

/**
 * Diffs the {@code mustBe…} operator of a quality rule as one threshold, even when the operator itself
 * changes: a threshold accepting fewer metric values is breaking, one accepting more additive.
 */
final class ThresholdDiff {

    private final ChangeLog log;

    ThresholdDiff(ChangeLog log) {
        this.log = log;
    }

    /** Diffs the threshold and returns the operator keys it judged, or none when a rule has several. */
    Set<String> diff(DiffLocation at, JsonNode before, JsonNode after) {
        List<String> was = operators(before);
        List<String> is = operators(after);
        if (was.size() > 1 || is.size() > 1 || was.isEmpty() && is.isEmpty()) {
            return Set.of();
        }
        String oldOperator = was.isEmpty() ? null : was.get(0);
        String newOperator = is.isEmpty() ? null : is.get(0);
        JsonNode oldValue = oldOperator == null ? null : before.get(oldOperator);
        JsonNode newValue = newOperator == null ? null : after.get(newOperator);
        if (!(oldOperator != null && oldOperator.equals(newOperator) && JsonValues.same(oldValue, newValue))) {
            record(at, oldOperator, oldValue, newOperator, newValue);
        }
        return Set.copyOf(QualityChecks.OPERATORS);
    }

    private void record(DiffLocation rule, String oldOperator, JsonNode oldValue, String newOperator,
            JsonNode newValue) {
        String key = newOperator != null ? newOperator : oldOperator;
        boolean sameOperator = key.equals(oldOperator) && key.equals(newOperator);
        DiffLocation at = rule.field(key, oldOperator, newOperator);
        JsonNode before = sameOperator || oldOperator == null ? oldValue : written(oldOperator, oldValue);
        JsonNode after = sameOperator || newOperator == null ? newValue : written(newOperator, newValue);
        Acceptance was = oldOperator == null ? null : Acceptance.of(oldOperator, oldValue);
        Acceptance is = newOperator == null ? null : Acceptance.of(newOperator, newValue);
        String from = shown(oldOperator, oldValue);
        String to = shown(newOperator, newValue);
        String label = at.label("the threshold");
        if (was == null || is == null) {
            log.record(at, before, after, Impact.BREAKING, label + " changed from " + from + " to " + to + ": "
                    + TreeDiff.UNCLASSIFIED);
        } else if (is.within(was) && was.within(is)) {
            log.record(at, before, after, Impact.DOCUMENTATION, label + " rewritten from " + from + " to " + to
                    + ": it accepts the same values, " + TreeDiff.DOCUMENTATION);
        } else if (was.within(is)) {
            log.record(at, before, after, Impact.ADDITIVE, label + " relaxed from " + from + " to " + to + ": "
                    + Effect.RULE.looser());
        } else {
            log.record(at, before, after, Impact.BREAKING, label + (is.within(was) ? " tightened" : " changed")
                    + " from " + from + " to " + to + ": " + Effect.RULE.tighter());
        }
    }

    private static List<String> operators(JsonNode rule) {
        return QualityChecks.OPERATORS.stream().filter(rule::has).toList();
    }

    private static JsonNode written(String operator, JsonNode value) {
        return JsonNodeFactory.instance.objectNode().set(operator, value);
    }

    private static String shown(String operator, JsonNode value) {
        return operator == null ? "none" : operator + " " + JsonValues.show(value);
    }
}
