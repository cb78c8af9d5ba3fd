package dev.plumbline.validate.history;

import com.fasterxml.jackson.databind.JsonNode;
import dev.plumbline.validate.ConstraintResult;
import dev.plumbline.validate.RowFailure;
import java.util.HashMap;
import java.util.Map;

/** What one key rule found over a batch: how many keys it judged and which rows failed, with why. */
final class KeyTally {

    private final String rule;
    private final String column;
    private final Map<Integer, RowFailure> failures = new HashMap<>();
    private int evaluated;
    private String example;

    KeyTally(String rule, String column) {
        this.rule = rule;
        this.column = column;
    }

    String column() {
        return column;
    }

    /** Counts a key; returns whether it failed. */
    boolean judge(int row, JsonNode value, String reason) {
        evaluated++;
        if (reason == null) {
            return false;
        }
        String json = value.toString();
        failures.put(row, new RowFailure(rule, column, json, reason));
        example = example == null ? json : example;
        return true;
    }

    ConstraintResult result(String passing, String failing) {
        String observed = evaluated == 0 ? "no values" : failures.isEmpty() ? "all " + evaluated + " " + passing
                : failures.size() + " of " + evaluated + " " + failing + ", e.g. " + example;
        return new ConstraintResult(rule, column, 1.0, evaluated, failures.size(), failures.isEmpty(), observed,
                null, failures);
    }
}
