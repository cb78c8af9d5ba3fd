package dev.plumbline.monitor.rules;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A column whose latest PSI (from the contract's {@code expect_column_psi_to_be_less_than} rule) is above the
 * threshold. "Insufficient data" is no verdict, so it neither raises nor keeps an alert.
 */
@ApplicationScoped
public class PsiDriftRule implements AlertRuleSource {

    public static final String RULE = "DistributionDrift";
    static final String PSI_RULE = "expect_column_psi_to_be_less_than";
    static final Duration RECENT = Duration.ofHours(1);

    private final RuleQueries queries;
    private final Thresholds thresholds;

    public PsiDriftRule(RuleQueries queries, Thresholds thresholds) {
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
        for (LatestRuleResult result : queries.latest(PSI_RULE, now.minus(RECENT))) {
            Double psi = result.number();
            Thresholds.Applied applied = thresholds.of(result.dataset(), result.team());
            if (result.column() != null && psi != null && psi > applied.psi()) {
                conditions.add(AlertCondition.of(RULE, Map.of("dataset", result.dataset(), "team", result.team(),
                        "column", result.column(), "severity", "warning"), psi,
                        String.format("%s.%s: distribution drift, PSI %.3f above %s", result.dataset(),
                                result.column(), psi, applied.psi()),
                        applied.forDuration()));
            }
        }
        return conditions;
    }
}
