package dev.plumbline.featurestore;

import dev.plumbline.transform.FeatureViewStore;
import dev.plumbline.transform.FeatureViewVersion;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Windows slide while no event arrives, so online values age: on a schedule, recomputes those older than the
 * refresh interval (oldest first, a bounded number per round) as of now.
 */
@ApplicationScoped
public class OnlineRefresh {

    static final int PER_ROUND = 1000;

    private final FeatureViewStore views;
    private final OnlineStore online;
    private final Duration interval;
    private final Clock clock = Clock.systemUTC();

    public OnlineRefresh(FeatureViewStore views, OnlineStore online,
            @ConfigProperty(name = "plumbline.features.online-refresh", defaultValue = "1m") Duration interval) {
        this.views = views;
        this.online = online;
        this.interval = interval;
    }

    @Scheduled(every = "${plumbline.features.online-refresh:1m}", delayed = "30s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        views.active().forEach(this::refresh);
    }

    @Transactional
    void refresh(FeatureViewVersion version) {
        Instant now = clock.instant();
        online.refresh(version, online.staleEntities(version, now.minus(interval), PER_ROUND), now);
    }
}
