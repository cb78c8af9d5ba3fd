package dev.plumbline.monitor.rules;

import com.fasterxml.jackson.databind.JsonNode;

/** A dataset's latest outcome of one contract rule on one column, as the alert rules read it. */
public record LatestRuleResult(String dataset, String team, String column, boolean success, String observed,
        JsonNode observedValue) {

    /** The observed value when the rule measured a number (PSI does; "insufficient data" does not). */
    public Double number() {
        return observedValue != null && observedValue.isNumber() ? observedValue.asDouble() : null;
    }
}
