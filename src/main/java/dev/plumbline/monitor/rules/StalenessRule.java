package dev.plumbline.monitor.rules;

import dev.plumbline.contract.Dataset;
import dev.plumbline.contract.DatasetRegistry;
import dev.plumbline.validate.freshness.DatasetStaleness;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** A dataset whose newest ingested record is older than its staleness threshold: the stream stopped. */
@ApplicationScoped
public class StalenessRule implements AlertRuleSource {

    public static final String RULE = "DatasetStale";

    private final DatasetRegistry registry;
    private final DatasetStaleness staleness;
    private final Thresholds thresholds;

    public StalenessRule(DatasetRegistry registry, DatasetStaleness staleness, Thresholds thresholds) {
        this.registry = registry;
        this.staleness = staleness;
        this.thresholds = thresholds;
    }

    @Override
    public String rule() {
        return RULE;
    }

    @Override
    public List<AlertCondition> conditions(Instant now) {
        Map<String, DatasetStaleness.Staleness> all = staleness.all();
        List<AlertCondition> conditions = new ArrayList<>();
        for (Dataset dataset : registry.list()) {
            DatasetStaleness.Staleness freshness = all.get(dataset.name);
            Duration age = freshness == null ? null : freshness.age(now);
            Thresholds.Applied applied = thresholds.of(dataset.name, dataset.owningTeam);
            if (age != null && age.compareTo(applied.staleness()) > 0) {
                conditions.add(AlertCondition.of(RULE,
                        Map.of("dataset", dataset.name, "team", dataset.owningTeam, "severity", "error"),
                        age.toMillis() / 1000.0, dataset.name + ": no new record for " + Durations.words(age)
                                + ", longer than " + Durations.words(applied.staleness()),
                        applied.forDuration()));
            }
        }
        return conditions;
    }
}
