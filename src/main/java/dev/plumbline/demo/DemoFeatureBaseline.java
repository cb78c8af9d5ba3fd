package dev.plumbline.demo;

import dev.plumbline.featurestore.FeatureBaselines;
import dev.plumbline.monitor.drift.FeatureBaselineBuilder;
import dev.plumbline.transform.FeatureViewStore;
import dev.plumbline.transform.FeatureViewVersion;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.jboss.logging.Logger;

/**
 * Freezes the demo view's drift baseline of {@code customer_avg_transaction_30d}, once, from a reference window of
 * the stream's first minutes in dollars: from {@link #SETTLE} after the start to {@link #REFERENCE_END}, before the
 * scripted currency switch (3 minutes after the start by default). A baseline already there is kept, as any
 * frozen baseline is.
 */
@ApplicationScoped
public class DemoFeatureBaseline {

    static final String FEATURE = "customer_avg_transaction_30d";
    static final Duration SETTLE = Duration.ofSeconds(30);
    static final Duration REFERENCE_END = Duration.ofSeconds(150);

    private static final Logger LOG = Logger.getLogger(DemoFeatureBaseline.class);

    private final DemoConfig config;
    private final FeatureViewStore views;
    private final FeatureBaselines baselines;
    private final FeatureBaselineBuilder builder;
    private final Clock clock = Clock.systemUTC();
    private volatile Instant started;
    private volatile boolean done;

    public DemoFeatureBaseline(DemoConfig config, FeatureViewStore views, FeatureBaselines baselines,
            FeatureBaselineBuilder builder) {
        this.config = config;
        this.views = views;
        this.baselines = baselines;
        this.builder = builder;
    }

    // Beans are made when first used; the demo stream starts with the application.
    void start(@Observes StartupEvent event) {
        started = clock.instant();
    }

    @Scheduled(every = "15s", delayed = "30s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void freezeOnce() {
        Instant now = clock.instant();
        if (done || started == null || !config.enabled() || now.isBefore(started.plus(REFERENCE_END))) {
            return;
        }
        done = true;
        FeatureViewVersion view = views.latestActive().stream()
                .filter(v -> v.viewName().equals("customer_transactions")).findFirst().orElse(null);
        if (view == null || baselines.get(view.id(), FEATURE).isPresent()) {
            return;
        }
        try {
            var result = builder.fromWindow(view, FEATURE, "numeric", 10, started.plus(SETTLE),
                    started.plus(REFERENCE_END), "plumbline-demo");
            LOG.infof("Demo feature baseline of %s frozen in %s %s from %d customers' values", FEATURE,
                    view.viewName(), view.version(), result.path("values").asLong());
        } catch (IllegalArgumentException e) {
            LOG.warnf("No demo feature baseline: %s", e.getMessage());
        }
    }
}
