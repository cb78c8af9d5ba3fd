package dev.plumbline.monitor.drift;

import dev.plumbline.featurestore.FeatureBaseline;
import dev.plumbline.featurestore.FeatureBaselines;
import dev.plumbline.featurestore.FeatureDriftReading;
import dev.plumbline.featurestore.OnlineStore;
import dev.plumbline.monitor.rules.AdvisoryLocks;
import dev.plumbline.transform.FeatureViewStore;
import dev.plumbline.transform.FeatureViewVersion;
import dev.plumbline.validate.analyzers.PopulationStabilityIndex;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * Measures every active view version's features against their frozen baselines on a schedule, as one replica at a
 * time (an advisory lock): PSI over the values the view refreshed in the window, recorded as each feature's latest
 * status, in the history and as a gauge. The baselines are only read here, never derived from what is measured.
 */
@ApplicationScoped
public class FeatureDriftJob {

    /** The most entities one measurement reads; beyond it, the first ones the database returns. */
    static final int MAX_SAMPLE = 200_000;

    private static final Logger LOG = Logger.getLogger(FeatureDriftJob.class);

    private final FeatureViewStore views;
    private final FeatureBaselines baselines;
    private final OnlineStore online;
    private final FeatureDriftRecorder recorder;
    private final AdvisoryLocks locks;
    private final FeatureDriftConfig config;
    private final Clock clock = Clock.systemUTC();
    private volatile boolean stopping;

    public FeatureDriftJob(FeatureViewStore views, FeatureBaselines baselines, OnlineStore online,
            FeatureDriftRecorder recorder, AdvisoryLocks locks, FeatureDriftConfig config) {
        this.views = views;
        this.baselines = baselines;
        this.online = online;
        this.recorder = recorder;
        this.locks = locks;
        this.config = config;
    }

    void stop(@Observes ShutdownEvent event) {
        stopping = true;
    }

    @Scheduled(every = "${plumbline.features.drift.interval:1m}", delayed = "20s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        if (!stopping) {
            measure(clock.instant(), config.window(), config.minSample());
        }
    }

    /** Measures every active version over ({@code now − window}, {@code now}]; false when another replica is at it. */
    @Transactional
    public boolean measure(Instant now, Duration window, long minSample) {
        if (!locks.tryForTransaction(AdvisoryLocks.FEATURE_DRIFT)) {
            LOG.debugf("feature drift at %s skipped: another replica holds the lock", now);
            return false;
        }
        for (FeatureViewVersion version : views.active()) {
            List<FeatureBaseline> frozen = baselines.of(version.id());
            if (!frozen.isEmpty()) {
                recorder.record(version, measure(version, frozen, now.minus(window), now, minSample));
            }
        }
        return true;
    }

    private List<FeatureDriftReading> measure(FeatureViewVersion version, List<FeatureBaseline> frozen,
            Instant from, Instant now, long minSample) {
        var rows = online.refreshedIn(version, from, now, MAX_SAMPLE);
        List<FeatureDriftReading> readings = new ArrayList<>();
        for (FeatureBaseline baseline : frozen) {
            readings.add(new FeatureDrift(baseline.feature(), baseline.psiBaseline(), minSample,
                    PopulationStabilityIndex.DEFAULT_EPSILON).measure(rows, from, now));
        }
        return readings;
    }
}
