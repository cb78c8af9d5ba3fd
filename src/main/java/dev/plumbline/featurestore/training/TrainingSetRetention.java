package dev.plumbline.featurestore.training;

import dev.plumbline.transform.EventCache;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import javax.sql.DataSource;
import org.jboss.logging.Logger;

/**
 * Deletes the rows of training sets past their retention, keeping each set's record: who asked, the feature view
 * versions pinned, the upload's shape and the leakage audit, which are what it takes to ask for the set again and
 * get the same rows (the join is exact and the views pinned). Also trims the log of view versions' event changes
 * that the join's in-memory copies of events are checked against.
 */
@ApplicationScoped
public class TrainingSetRetention {

    private static final Logger LOG = Logger.getLogger(TrainingSetRetention.class);

    private final TrainingSetStore store;
    private final TrainingSetRetentionConfig config;
    private final DataSource dataSource;
    private final Clock clock = Clock.systemUTC();
    private volatile boolean stopping;

    public TrainingSetRetention(TrainingSetStore store, TrainingSetRetentionConfig config, DataSource dataSource) {
        this.store = store;
        this.config = config;
        this.dataSource = dataSource;
    }

    void stop(@Observes ShutdownEvent event) {
        stopping = true;
    }

    @Scheduled(every = "${plumbline.training-sets.retention.sweep:1h}", delay = 1,
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        if (!stopping) {
            sweep(clock.instant());
            trimChangeLog();
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

    /** Keeps each view version's latest changes in the change log, as configured; how many entries went. */
    public int trimChangeLog() {
        try (Connection c = dataSource.getConnection()) {
            int forgotten = EventCache.forgetChanges(c, config.changeLog());
            if (forgotten > 0) {
                LOG.debugf("training set retention: %d entries of the event change log deleted", forgotten);
            }
            return forgotten;
        } catch (SQLException e) {
            throw new IllegalStateException("could not trim the event change log", e);
        }
    }
}
