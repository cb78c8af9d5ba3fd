package dev.plumbline.alert;

import dev.plumbline.monitor.rules.AlertStore;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Clock;
import java.time.Instant;
import org.jboss.logging.Logger;

/**
 * Deletes alert history and delivery-log rows past their retention: resolved alerts and sent or failed
 * notifications. What is still open or still to be delivered is never touched, whatever its age.
 */
@ApplicationScoped
public class AlertRetention {

    private static final Logger LOG = Logger.getLogger(AlertRetention.class);

    private final AlertStore alerts;
    private final Outbox outbox;
    private final AlertRetentionConfig config;
    private final Clock clock = Clock.systemUTC();
    private volatile boolean stopping;

    public AlertRetention(AlertStore alerts, Outbox outbox, AlertRetentionConfig config) {
        this.alerts = alerts;
        this.outbox = outbox;
        this.config = config;
    }

    void stop(@Observes ShutdownEvent event) {
        stopping = true;
    }

    @Scheduled(every = "${plumbline.alert.retention.sweep:1h}", delay = 1,
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        if (!stopping) {
            sweep(clock.instant());
        }
    }

    /** Applies the retention as of {@code now}; returns the alerts and notifications deleted, in that order. */
    public int[] sweep(Instant now) {
        int resolved = alerts.purgeResolvedBefore(now.minus(config.alerts()));
        int notified = outbox.purgeDoneBefore(now.minus(config.notifications()));
        if (resolved + notified > 0) {
            LOG.infof("alert retention: deleted %d resolved alerts and %d sent or failed notifications", resolved,
                    notified);
        }
        return new int[] {resolved, notified};
    }
}
