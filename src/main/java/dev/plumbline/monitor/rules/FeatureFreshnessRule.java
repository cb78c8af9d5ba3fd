package dev.plumbline.monitor.rules;

import dev.plumbline.featurestore.FeatureHealth;
import dev.plumbline.featurestore.FeatureHealth.ViewHealth;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * A feature view whose newest materialized event is older than the view's freshness SLA. Labelled with its
 * source dataset, so that an inhibition rule can mute it while that dataset's ingestion is down.
 */
@Singleton
public class FeatureFreshnessRule extends FeatureViewRule {

    public static final String RULE = "FeatureStale";

    public FeatureFreshnessRule(FeatureHealth health, Thresholds thresholds) {
        super(RULE, health, thresholds);
    }

    @Override
    List<AlertCondition> conditions(ViewHealth view, Instant now) {
        Duration age = view.age(now);
        if (age == null || age.compareTo(view.freshnessSla()) <= 0) {
            return List.of();
        }
        return List.of(AlertCondition.of(RULE, labels(view, "error"), age.toMillis() / 1000.0,
                view.version().viewName() + " " + view.version().version() + ": newest values "
                        + Durations.words(age) + " old, beyond the freshness SLA of "
                        + Durations.words(view.freshnessSla()),
                forDuration(view)));
    }
}
