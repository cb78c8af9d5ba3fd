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
            conditions.add(AlertCondition.of(RULE, labels(view, "error"), age.toMillis() / 1000.0,
                    view.version().viewName() + " " + view.version().version() + ": newest values "
                            + Durations.words(age) + " old, beyond the freshness SLA of "
                            + Durations.words(view.freshnessSla()),
                    thresholds.of(view.version().definition().source(), view.version().owningTeam())
                            .forDuration()));
        }
        return conditions;
    }

    /** A feature view's alert labels: the view, its source dataset (for inhibition) and its team. */
    static Map<String, String> labels(ViewHealth view, String severity) {
        return Map.of("feature", view.version().viewName(), "dataset", view.version().definition().source(),
                "team", view.version().owningTeam(), "severity", severity);
    }
}
