package dev.plumbline.monitor.rules;

import dev.plumbline.validate.constraints.UnitScaleConstraint;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Semantic drift: a column whose declared unit or currency looks changed, because every quantile of its latest
 * batch moved by the same factor against the approved baseline ({@link UnitScaleConstraint}). The alert says so in
 * the rule's own words, with the factor.
 */
@ApplicationScoped
public class UnitChangeRule implements AlertRuleSource {

    public static final String RULE = "UnitChanged";
    static final Duration RECENT = Duration.ofHours(1);

    private final RuleQueries queries;
    private final Thresholds thresholds;

    public UnitChangeRule(RuleQueries queries, Thresholds thresholds) {
        this.queries = queries;
        this.thresholds = thresholds;
    }

    @Override
    public String rule() {
        return RULE;
    }

    @Override
    public List<AlertCondition> conditions(Instant now) {
        List<AlertCondition> conditions = new ArrayList<>();
        for (LatestRuleResult result : queries.latest(UnitScaleConstraint.RULE, now.minus(RECENT))) {
            if (result.success() || result.column() == null || result.observedValue() == null) {
                continue;
            }
            double factor = result.observedValue().path("factor").asDouble();
            conditions.add(AlertCondition.of(RULE, Map.of("dataset", result.dataset(), "team", result.team(),
                    "column", result.column(), "severity", "error"), factor,
                    result.dataset() + "." + result.column() + ": " + result.observed(),
                    thresholds.of(result.dataset(), result.team()).forDuration()));
        }
        return conditions;
    }
}
