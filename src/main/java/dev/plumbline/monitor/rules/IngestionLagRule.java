package dev.plumbline.monitor.rules;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A dataset whose latest validated batch arrived later than its lag threshold after its events happened
 * (the batch's median event-to-ingestion delay). Only batches of the last hour count, so an old run does not
 * keep an alert alive; a dataset that stopped altogether is the staleness rule's.
 */
@ApplicationScoped
public class IngestionLagRule implements AlertRuleSource {

    public static final String RULE = "IngestionLagHigh";
    static final Duration RECENT = Duration.ofHours(1);

    private static final String SQL = """
            SELECT d.name, d.owning_team, r.lag_p50_ms
            FROM dataset d CROSS JOIN LATERAL (
                SELECT lag_p50_ms, finished_at FROM validation_run
                WHERE dataset_id = d.id ORDER BY id DESC LIMIT 1) r
            WHERE r.lag_p50_ms IS NOT NULL AND r.finished_at > ?""";

    private final RuleQueries queries;
    private final Thresholds thresholds;

    public IngestionLagRule(RuleQueries queries, Thresholds thresholds) {
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
            Duration lag = Duration.ofMillis(row.getLong(3));
            Thresholds.Applied applied = thresholds.of(dataset, team);
            if (lag.compareTo(applied.ingestionLag()) <= 0) {
                return null;
            }
            return AlertCondition.of(RULE, Map.of("dataset", dataset, "team", team, "severity", "error"),
                    lag.toMillis() / 1000.0, dataset + ": events arrive " + Durations.words(lag)
                            + " after they happen (median of the latest batch), above "
                            + Durations.words(applied.ingestionLag()),
                    applied.forDuration());
        }).stream().filter(Objects::nonNull).toList();
    }
}
