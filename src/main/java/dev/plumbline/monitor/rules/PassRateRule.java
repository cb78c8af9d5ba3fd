package dev.plumbline.monitor.rules;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** A critical dataset whose validation pass rate over the recent window is below its threshold. */
@ApplicationScoped
public class PassRateRule implements AlertRuleSource {

    public static final String RULE = "ValidationPassRateLow";

    // Each dataset's latest runs through validation_run_by_dataset, bounded, rather than a scan by time.
    private static final String SQL = """
            SELECT d.name, d.owning_team, sum(r.record_count), sum(r.passed_count)
            FROM dataset d CROSS JOIN LATERAL (
                SELECT record_count, passed_count FROM validation_run
                WHERE dataset_id = d.id AND finished_at > ? ORDER BY id DESC LIMIT 5000) r
            GROUP BY d.name, d.owning_team HAVING sum(r.record_count) > 0""";

    private final RuleQueries queries;
    private final Thresholds thresholds;
    private final AlertRulesConfig config;

    public PassRateRule(RuleQueries queries, Thresholds thresholds, AlertRulesConfig config) {
        this.queries = queries;
        this.thresholds = thresholds;
        this.config = config;
    }

    @Override
    public String rule() {
        return RULE;
    }

    @Override
    public List<AlertCondition> conditions(Instant now) {
        return queries.at(SQL, now.minus(config.passRateWindow()), row -> {
            String dataset = row.getString(1);
            String team = row.getString(2);
            double rate = row.getDouble(4) / row.getDouble(3);
            Thresholds.Applied applied = thresholds.of(dataset, team);
            if (!applied.critical() || rate >= applied.passRate()) {
                return null;
            }
            return AlertCondition.of(RULE, Map.of("dataset", dataset, "team", team, "severity", "critical"), rate,
                    String.format("%s: validation pass rate %.2f%% over %d records in the last %s, below %.2f%%",
                            dataset, rate * 100, row.getLong(3), Durations.words(config.passRateWindow()),
                            applied.passRate() * 100),
                    applied.forDuration());
        }).stream().filter(Objects::nonNull).toList();
    }
}
