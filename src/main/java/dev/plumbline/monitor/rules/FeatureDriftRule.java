package dev.plumbline.monitor.rules;

import dev.plumbline.featurestore.FeatureDriftReading;
import dev.plumbline.featurestore.FeatureHealth;
import dev.plumbline.featurestore.FeatureHealth.ViewHealth;
import jakarta.inject.Singleton;
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
@Singleton
public class FeatureDriftRule extends FeatureViewRule {

    public static final String RULE = "FeatureDrift";
    static final Duration RECENT = Duration.ofMinutes(15);

    public FeatureDriftRule(FeatureHealth health, Thresholds thresholds) {
        super(RULE, health, thresholds);
    }

    @Override
    List<AlertCondition> conditions(ViewHealth view, Instant now) {
        double threshold = thresholds.featurePsi(view.version().owningTeam(),
                view.version().definition().sla().psiThreshold());
        List<AlertCondition> conditions = new ArrayList<>();
        for (FeatureDriftReading reading : view.drift().readings()) {
            if (!reading.measured() || reading.psi() <= threshold || reading.measuredAt().isBefore(now.minus(RECENT))) {
                continue;
            }
            Map<String, String> labels = new HashMap<>(labels(view, "warning"));
            labels.put("column", reading.feature());
            conditions.add(AlertCondition.of(RULE, labels, reading.psi(), String.format(Locale.ROOT,
                    "%s.%s: feature drift, PSI %.3f above %s over %d values", view.version().viewName(),
                    reading.feature(), reading.psi(), threshold, reading.sample()), forDuration(view)));
        }
        return conditions;
    }
}
