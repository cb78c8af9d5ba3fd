package dev.plumbline.monitor.rules;

import dev.plumbline.featurestore.FeatureHealth;
import dev.plumbline.featurestore.FeatureHealth.ViewHealth;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

/**
 * A feature view whose online serving p99 is above the view's serving SLA (DESIGN.md's default is 50 ms; each
 * view states its own). The p99 is this replica's, as Micrometer keeps it: the replica that evaluates judges
 * what it served.
 */
@Singleton
public class ServingLatencyRule extends FeatureViewRule {

    public static final String RULE = "FeatureServingSlow";

    public ServingLatencyRule(FeatureHealth health, Thresholds thresholds) {
        super(RULE, health, thresholds);
    }

    @Override
    List<AlertCondition> conditions(ViewHealth view, Instant now) {
        Duration p99 = view.servingP99();
        if (p99 == null || p99.compareTo(view.servingSla()) <= 0) {
            return List.of();
        }
        return List.of(AlertCondition.of(RULE, labels(view, "warning"), p99.toNanos() / 1e6,
                String.format(Locale.ROOT, "%s: online serving p99 %.1f ms, above its SLA of %d ms",
                        view.version().viewName(), p99.toNanos() / 1e6, view.servingSla().toMillis()),
                forDuration(view)));
    }
}
