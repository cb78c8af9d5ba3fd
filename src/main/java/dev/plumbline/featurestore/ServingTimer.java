package dev.plumbline.featurestore;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** {@code plumbline_feature_serving_seconds{view}}: online serving latency per view, with P50 and P99. */
@ApplicationScoped
public class ServingTimer {

    static final String NAME = "plumbline.feature.serving";

    private final MeterRegistry meters;
    private final Map<String, Timer> timers = new ConcurrentHashMap<>();

    public ServingTimer(MeterRegistry meters) {
        this.meters = meters;
    }

    public void record(String view, long nanos) {
        timer(view).record(Duration.ofNanos(nanos));
    }

    /** The P99 of the view's serving latency, or null before it was served. */
    public Duration p99(String view) {
        Timer timer = timers.get(view);
        if (timer == null || timer.count() == 0) {
            return null;
        }
        for (var percentile : timer.takeSnapshot().percentileValues()) {
            if (percentile.percentile() == 0.99) {
                return Duration.ofNanos((long) percentile.value(java.util.concurrent.TimeUnit.NANOSECONDS));
            }
        }
        return null;
    }

    private Timer timer(String view) {
        return timers.computeIfAbsent(view, v -> Timer.builder(NAME).description("Online feature serving latency")
                .tag("view", v).publishPercentiles(0.5, 0.99).publishPercentileHistogram().register(meters));
    }
}
