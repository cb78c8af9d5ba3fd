package dev.plumbline.monitor.rules;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Drift by the measures a contract picks next to PSI: a column whose latest Jensen–Shannon distance or KS statistic
 * rule failed, i.e. measured above the threshold written in the contract. Raised as {@code DistributionDrift} with a
 * {@code metric} label ({@code js} or {@code ks}), so routes and silences treat it as PSI drift.
 */
@ApplicationScoped
public class DriftMeasureRule implements AlertRuleSource {

    static final Map<String, String> MEASURES = Map.of(
            "expect_column_js_distance_to_be_less_than", "js",
            "expect_column_ks_statistic_to_be_less_than", "ks");
    static final Duration RECENT = Duration.ofHours(1);

    private final RuleQueries queries;
    private final Thresholds thresholds;

    public DriftMeasureRule(RuleQueries queries, Thresholds thresholds) {
        this.queries = queries;
        this.thresholds = thresholds;
    }

    @Override
    public String rule() {
        return PsiDriftRule.RULE;
    }

    @Override
    public List<AlertCondition> conditions(Instant now) {
        List<AlertCondition> conditions = new ArrayList<>();
        MEASURES.forEach((contractRule, metric) -> {
            for (LatestRuleResult result : queries.latest(contractRule, now.minus(RECENT))) {
                Double value = result.number();
                if (result.success() || result.column() == null || value == null) {
                    continue;
                }
                conditions.add(AlertCondition.of(PsiDriftRule.RULE, Map.of("dataset", result.dataset(),
                        "team", result.team(), "column", result.column(), "metric", metric, "severity", "warning"),
                        value, result.dataset() + "." + result.column() + ": distribution drift, " + result.observed(),
                        thresholds.of(result.dataset(), result.team()).forDuration()));
            }
        });
        return conditions;
    }
}
