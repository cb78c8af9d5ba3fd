package dev.plumbline.quarantine;

import dev.plumbline.access.AuditLog;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import javax.sql.DataSource;

/** Deletes quarantined records older than the configured retention, and says so in the audit log. */
@ApplicationScoped
public class QuarantineRetention {

    static final String ACTOR = "plumbline";

    private final DataSource dataSource;
    private final QuarantineConfig config;
    private final AuditLog audit;
    private final Clock clock = Clock.systemUTC();
    private volatile boolean stopping;

    public QuarantineRetention(DataSource dataSource, QuarantineConfig config, AuditLog audit) {
        this.dataSource = dataSource;
        this.config = config;
        this.audit = audit;
    }

    void stop(@Observes ShutdownEvent event) {
        stopping = true;
    }

    @Scheduled(every = "${plumbline.quarantine.retention-sweep:1h}", delay = 1,
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void sweep() {
        if (!stopping) {
            purgeOlderThan(clock.instant().minus(config.retention()));
        }
    }

    /** Deletes every quarantined record quarantined before the cutoff; returns how many. */
    @Transactional
    public int purgeOlderThan(Instant cutoff) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement("DELETE FROM quarantined_record WHERE quarantined_at < ?")) {
            s.setTimestamp(1, Timestamp.from(cutoff));
            int purged = s.executeUpdate();
            if (purged > 0) {
                audit.record(ACTOR, "quarantine.purged", "quarantine", null,
                        Map.of("purged", purged, "quarantinedBefore", cutoff.toString(),
                                "retention", config.retention().toString()), null);
            }
            return purged;
        } catch (SQLException e) {
            throw new IllegalStateException("could not apply the quarantine retention", e);
        }
    }
}
