package dev.plumbline.monitor.rules;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A column whose latest PSI (from the contract's {@code expect_column_psi_to_be_less_than} rule) is above the
 * threshold. "Insufficient data" is no verdict, so it neither raises nor keeps an alert.
 */
@ApplicationScoped
public class PsiDriftRule implements AlertRuleSource {

    public static final String RULE = "DistributionDrift";
    static final String PSI_RULE = "expect_column_psi_to_be_less_than";
    static final Duration RECENT = Duration.ofHours(1);

    // Only each dataset's latest runs are looked at, through validation_run_by_dataset and rule_result_by_run.
    private static final String SQL = """
            SELECT d.name, d.owning_team, x.column_name, x.psi
            FROM dataset d CROSS JOIN LATERAL (
                SELECT DISTINCT ON (rr.column_name) rr.column_name,
                       CASE WHEN jsonb_typeof(rr.observed_value) = 'number' THEN rr.observed_value::text::float8 END AS psi
                FROM (SELECT id FROM validation_run WHERE dataset_id = d.id AND finished_at > ?
                      ORDER BY id DESC LIMIT 20) r
                JOIN rule_result rr ON rr.validation_run_id = r.id
                WHERE rr.rule = '%s'
                ORDER BY rr.column_name, rr.id DESC) x""".formatted(PSI_RULE);

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
        return queries.at(SQL, now.minus(RECENT), row -> {
            String dataset = row.getString(1);
            String team = row.getString(2);
            String column = row.getString(3);
            double value = row.getDouble(4);
            boolean measured = !row.wasNull(); // "insufficient data" has no observed value
            Thresholds.Applied applied = thresholds.of(dataset, team);
            if (column == null || !measured || value <= applied.psi()) {
                return null;
            }
            return AlertCondition.of(RULE,
                    Map.of("dataset", dataset, "team", team, "column", column, "severity", "warning"), value,
                    String.format("%s.%s: distribution drift, PSI %.3f above %s", dataset, column, value,
                            applied.psi()),
                    applied.forDuration());
        }).stream().filter(Objects::nonNull).toList();
    }
}
