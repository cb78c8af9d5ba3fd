package dev.plumbline.monitor.rules;

import dev.plumbline.featurestore.FeatureHealth;
import dev.plumbline.featurestore.FeatureHealth.ViewHealth;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A feature view whose newest materialized event is older than the view's freshness SLA. Labelled with its
 * source dataset, so that an inhibition rule can mute it while that dataset's ingestion is down.
 */
@ApplicationScoped
public class FeatureFreshnessRule implements AlertRuleSource {

    public static final String RULE = "FeatureStale";

    private final FeatureHealth health;
    private final Thresholds thresholds;

    public FeatureFreshnessRule(FeatureHealth health, Thresholds thresholds) {
        this.health = health;
        this.thresholds = thresholds;
    }

    @Override
    public String rule() {
        return RULE;
    }

    @Override
    public List<AlertCondition> conditions(Instant now) {
        List<AlertCondition> conditions = new ArrayList<>();
        for (ViewHealth view : health.all()) {
            Duration age = view.age(now);
            if (age == null || age.compareTo(view.freshnessSla()) <= 0) {
                continue;
            }
            String name = view.version().viewName();
            String team = view.version().owningTeam();
            String dataset = view.version().definition().source();
            conditions.add(AlertCondition.of(RULE, Map.of("feature", name, "dataset", dataset, "team", team,
                    "severity", "error"), age.toMillis() / 1000.0,
                    name + " " + view.version().version() + ": newest values " + Durations.words(age)
                            + " old, beyond the freshness SLA of " + Durations.words(view.freshnessSla()),
                    thresholds.of(dataset, team).forDuration()));
        }
        return conditions;
    }
}
