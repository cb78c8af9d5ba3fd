package dev.plumbline.monitor.rules;

import dev.plumbline.featurestore.FeatureHealth;
import dev.plumbline.featurestore.FeatureHealth.ViewHealth;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A rule judged per feature view against the view's own SLA (freshness, serving latency, drift): each view's
 * health is read once per evaluation, and its conditions carry the view's labels and its source dataset's {@code for}.
 * Its rules are {@code @Singleton} beans: a client proxy would need a constructor without arguments.
 */
abstract class FeatureViewRule implements AlertRuleSource {

    private final String rule;
    private final FeatureHealth health;
    final Thresholds thresholds;

    FeatureViewRule(String rule, FeatureHealth health, Thresholds thresholds) {
        this.rule = rule;
        this.health = health;
        this.thresholds = thresholds;
    }

    @Override
    public String rule() {
        return rule;
    }

    @Override
    public List<AlertCondition> conditions(Instant now) {
        List<AlertCondition> conditions = new ArrayList<>();
        for (ViewHealth view : health.all()) {
            conditions.addAll(conditions(view, now));
        }
        return conditions;
    }

    /** The view's conditions that hold at {@code now}. */
    abstract List<AlertCondition> conditions(ViewHealth view, Instant now);

    Duration forDuration(ViewHealth view) {
        return thresholds.of(view.version().definition().source(), view.version().owningTeam()).forDuration();
    }

    /** A feature view's alert labels: the view, its source dataset (for inhibition) and its team. */
    static Map<String, String> labels(ViewHealth view, String severity) {
        return Map.of("feature", view.version().viewName(), "dataset", view.version().definition().source(),
                "team", view.version().owningTeam(), "severity", severity);
    }
}
