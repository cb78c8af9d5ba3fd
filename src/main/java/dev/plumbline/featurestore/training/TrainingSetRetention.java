package dev.plumbline.featurestore.training;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Clock;
import java.time.Instant;
import org.jboss.logging.Logger;

/**
 * Deletes the rows of training sets past their retention, keeping each set's record: who asked, the feature view
 * versions pinned, the upload's shape and the leakage audit, which are what it takes to ask for the set again and
 * get the same rows (the join is exact and the views pinned).
 */
@ApplicationScoped
public class TrainingSetRetention {

    private static final Logger LOG = Logger.getLogger(TrainingSetRetention.class);

    private final TrainingSetStore store;
    private final TrainingSetRetentionConfig config;
    private final Clock clock = Clock.systemUTC();
    private volatile boolean stopping;

    public TrainingSetRetention(TrainingSetStore store, TrainingSetRetentionConfig config) {
        this.store = store;
        this.config = config;
    }

    void stop(@Observes ShutdownEvent event) {
        stopping = true;
    }

    @Scheduled(every = "${plumbline.training-sets.retention.sweep:1h}", delay = 1,
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        if (!stopping) {
            sweep(clock.instant());
        }
    }

    /** Applies the retention as of {@code now}; returns how many sets lost their rows. */
    public int sweep(Instant now) {
        int purged = store.deleteRowsAskedBefore(now.minus(config.rows()));
        if (purged > 0) {
            LOG.infof("training set retention: deleted the rows of %d sets asked for before %s", purged,
                    now.minus(config.rows()));
        }
        return purged;
    }
}
