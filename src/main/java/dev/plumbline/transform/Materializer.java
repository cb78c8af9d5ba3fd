package dev.plumbline.transform;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Clock;
import org.jboss.logging.Logger;

/**
 * Keeps every active feature view version materialized: on a schedule, runs batches for each version until no
 * work is left (or another replica holds that version's lock).
 */
@ApplicationScoped
public class Materializer {

    private static final Logger LOG = Logger.getLogger(Materializer.class);
    private static final int MAX_BATCHES_PER_VERSION = 50;

    private final FeatureViewStore views;
    private final MaterializationBatch batch;
    private final Clock clock = Clock.systemUTC();
    private volatile boolean stopping;

    public Materializer(FeatureViewStore views, MaterializationBatch batch) {
        this.views = views;
        this.batch = batch;
    }

    void stop(@Observes ShutdownEvent event) {
        stopping = true;
    }

    @Scheduled(every = "${plumbline.features.materialize-interval:2s}", delayed = "2s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        if (!stopping) {
            materializeAll();
        }
    }

    /** Materializes what is pending for every active version; returns the units of work done. */
    public int materializeAll() {
        int done = 0;
        for (FeatureViewVersion version : views.active()) {
            try {
                done += materialize(version);
            } catch (RuntimeException e) {
                LOG.errorf(e, "Materializing %s %s failed; it is retried on the next round", version.viewName(),
                        version.version());
            }
        }
        return done;
    }

    private int materialize(FeatureViewVersion version) {
        int done = 0;
        for (int i = 0; i < MAX_BATCHES_PER_VERSION && !stopping; i++) {
            int units = batch.run(version, clock.instant());
            if (units <= 0) {
                break;
            }
            done += units;
        }
        return done;
    }
}
