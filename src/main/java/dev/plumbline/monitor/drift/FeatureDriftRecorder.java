package dev.plumbline.monitor.drift;

import dev.plumbline.featurestore.FeatureDriftReading;
import dev.plumbline.featurestore.FeatureDriftReadings;
import dev.plumbline.monitor.history.MetricHistory;
import dev.plumbline.monitor.history.Sample;
import dev.plumbline.transform.FeatureViewVersion;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Keeps each feature drift reading three ways: as the feature's latest status ({@code feature_drift}), in the
 * metric history ({@value #FEATURE_PSI}, per view and feature) and as the gauge
 * {@code plumbline_feature_psi{view,feature}}, read from the database at each scrape so every replica reports the
 * same figure (NaN while there is no verdict).
 */
@ApplicationScoped
public class FeatureDriftRecorder {

    public static final String FEATURE_PSI = "feature_psi";
    static final String GAUGE = "plumbline.feature.psi";

    private final FeatureDriftReadings readings;
    private final MetricHistory history;
    private final MeterRegistry meters;
    private final Set<String> gauges = ConcurrentHashMap.newKeySet();

    public FeatureDriftRecorder(FeatureDriftReadings readings, MetricHistory history, MeterRegistry meters) {
        this.readings = readings;
        this.history = history;
        this.meters = meters;
    }

    public void record(FeatureViewVersion version, List<FeatureDriftReading> measured) {
        List<Sample> samples = new ArrayList<>();
        for (FeatureDriftReading reading : measured) {
            readings.record(version.id(), reading);
            gauge(version.viewName(), reading.feature());
            if (reading.measured()) {
                samples.add(Sample.of(FEATURE_PSI, Map.of("view", version.viewName(), "feature", reading.feature()),
                        reading.measuredAt(), reading.psi()));
            }
        }
        if (!samples.isEmpty()) {
            history.record(samples);
        }
    }

    // A database that is away must not fail the whole scrape; the PSI is then unknown.
    private void gauge(String view, String feature) {
        if (gauges.add(view + "\u0000" + feature)) {
            Gauge.builder(GAUGE, () -> {
                try {
                    return readings.psi(view, feature);
                } catch (RuntimeException e) {
                    return Double.NaN;
                }
            }).tags(Tags.of("view", view, "feature", feature)).register(meters);
        }
    }
}
