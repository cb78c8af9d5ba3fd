package dev.plumbline.monitor.rules;

import dev.plumbline.featurestore.FeatureDriftReading;
import dev.plumbline.featurestore.FeatureHealth;
import dev.plumbline.featurestore.FeatureHealth.ViewHealth;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A feature of a view whose latest PSI against its frozen baseline is above the threshold (the view's SLA
 * {@code psiThreshold}, else the team's, else 0.2): one alert per (view, feature), labelled as the other feature
 * alerts with the view in {@code feature} and the feature in {@code column}. "Insufficient data" is no verdict, and
 * a reading older than {@link #RECENT} (the job stopped) neither raises nor keeps an alert.
 */
@ApplicationScoped
public class FeatureDriftRule implements AlertRuleSource {

    public static final String RULE = "FeatureDrift";
    static final Duration RECENT = Duration.ofMinutes(15);

    private final FeatureHealth health;
    private final Thresholds thresholds;

    public FeatureDriftRule(FeatureHealth health, Thresholds thresholds) {
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
            String team = view.version().owningTeam();
            double threshold = thresholds.featurePsi(team, view.version().definition().sla().psiThreshold());
            for (FeatureDriftReading reading : view.drift().readings()) {
                if (!reading.measured() || reading.psi() <= threshold
                        || reading.measuredAt().isBefore(now.minus(RECENT))) {
                    continue;
                }
                Map<String, String> labels = new HashMap<>(FeatureFreshnessRule.labels(view, "warning"));
                labels.put("column", reading.feature());
                conditions.add(AlertCondition.of(RULE, labels, reading.psi(), String.format(Locale.ROOT,
                        "%s.%s: feature drift, PSI %.3f above %s over %d values", view.version().viewName(),
                        reading.feature(), reading.psi(), threshold, reading.sample()),
                        thresholds.of(view.version().definition().source(), team).forDuration()));
            }
        }
        return conditions;
    }
}
