package dev.plumbline.monitor.rules;

import dev.plumbline.featurestore.FeatureHealth;
import dev.plumbline.featurestore.FeatureHealth.ViewHealth;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A feature view whose online serving p99 is above the view's serving SLA (DESIGN.md's default is 50 ms; each
 * view states its own). The p99 is this replica's, as Micrometer keeps it: the replica that evaluates judges
 * what it served.
 */
@ApplicationScoped
public class ServingLatencyRule implements AlertRuleSource {

    public static final String RULE = "FeatureServingSlow";

    private final FeatureHealth health;
    private final Thresholds thresholds;

    public ServingLatencyRule(FeatureHealth health, Thresholds thresholds) {
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
            Duration p99 = view.servingP99();
            if (p99 == null || p99.compareTo(view.servingSla()) <= 0) {
                continue;
            }
            conditions.add(AlertCondition.of(RULE, FeatureFreshnessRule.labels(view, "warning"), p99.toNanos() / 1e6,
                    String.format(Locale.ROOT, "%s: online serving p99 %.1f ms, above its SLA of %d ms",
                            view.version().viewName(), p99.toNanos() / 1e6, view.servingSla().toMillis()),
                    thresholds.of(view.version().definition().source(), view.version().owningTeam())
                            .forDuration()));
        }
        return conditions;
    }
}
