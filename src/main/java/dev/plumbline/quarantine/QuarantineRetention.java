package dev.plumbline.quarantine;

import dev.plumbline.access.AuditLog;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import javax.sql.DataSource;

/**
 * Deletes open and discarded quarantined records older than the configured retention, with their staged
 * payloads, and says so in the audit log. Released records stay: they went downstream, and their release
 * time is when downstream stages learned of them.
 */
@ApplicationScoped
public class QuarantineRetention {

    static final String ACTOR = "plumbline";

    // The staged rows go too: a validated staged record without a quarantine entry counts as passed.
    private static final String PURGE = """
            WITH purged AS (
                DELETE FROM quarantined_record WHERE quarantined_at < ? AND status <> 'released'
                RETURNING staged_record_id),
            staged AS (DELETE FROM staged_record WHERE id IN (SELECT staged_record_id FROM purged))
            SELECT count(*)::int FROM purged""";

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

    /** Deletes every open or discarded record quarantined before the cutoff; returns how many. */
    @Transactional
    public int purgeOlderThan(Instant cutoff) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement(PURGE); ResultSet rows = query(s, cutoff)) {
            rows.next();
            int purged = rows.getInt(1);
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

    private static ResultSet query(PreparedStatement statement, Instant cutoff) throws SQLException {
        statement.setTimestamp(1, Timestamp.from(cutoff));
        return statement.executeQuery();
    }
}
