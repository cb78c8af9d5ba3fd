package dev.plumbline.transform;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import javax.sql.DataSource;

/**
 * One step of materialization for one view version, in one transaction: take the version's advisory lock, pick
 * validation runs and releases not yet marked as materialized for it, append their events, merge their tiles,
 * mark them, and tell observers. A crash anywhere leaves no tile without its mark, nor a mark without its tiles.
 */
@ApplicationScoped
public class MaterializationBatch {

    static final int LOCK_SPACE = 0x46454154;
    static final int RUNS_PER_BATCH = 20;
    static final int RELEASES_PER_BATCH = 500;

    private static final String MARK_RUNS = """
            INSERT INTO feature_materialized_run (view_version_id, validation_run_id, materialized_at)
            SELECT ?, unnest(?::bigint[]), ?""";
    private static final String MARK_RELEASES = """
            INSERT INTO feature_materialized_release (view_version_id, quarantined_record_id, materialized_at)
            SELECT ?, unnest(?::bigint[]), ?""";
    private static final String FRESHNESS = """
            INSERT INTO feature_freshness (view_version_id, newest_known_at, materialized_at, events)
            VALUES (?, ?, ?, ?)
            ON CONFLICT (view_version_id) DO UPDATE SET
                newest_known_at = greatest(feature_freshness.newest_known_at, EXCLUDED.newest_known_at),
                materialized_at = EXCLUDED.materialized_at, events = feature_freshness.events + EXCLUDED.events""";

    private final DataSource dataSource;
    private final Event<FeaturesMaterialized> materialized;

    public MaterializationBatch(DataSource dataSource, Event<FeaturesMaterialized> materialized) {
        this.dataSource = dataSource;
        this.materialized = materialized;
    }

    /** Materializes the next units of work; how many there were, or -1 when another replica holds the lock. */
    @Transactional
    public int run(FeatureViewVersion version, Instant now) {
        try (Connection c = dataSource.getConnection()) {
            if (!lock(c, version.id())) {
                return -1;
            }
            ValidatedEvents.Pending pending = ValidatedEvents.pending(c, version.datasetId(), version.id(),
                    RUNS_PER_BATCH, RELEASES_PER_BATCH);
            if (pending.isEmpty()) {
                return 0;
            }
            List<FeatureEvent> events = ValidatedEvents.of(c, pending).stream()
                    .map(e -> FeatureEvent.project(e, version.definition())).flatMap(Optional::stream).toList();
            List<FeatureEvent> appended = EventLog.append(c, version.id(), version.definition().sourceFields(), events);
            if (!appended.isEmpty()) {
                TileStore.merge(c, version.id(), Tiling.of(appended, version.definition()));
            }
            mark(c, MARK_RUNS, version.id(), pending.runs(), now);
            mark(c, MARK_RELEASES, version.id(), pending.releases(), now);
            freshness(c, version.id(), appended, now);
            Set<String> entities = appended.stream().map(FeatureEvent::entity).collect(Collectors.toSet());
            materialized.fire(new FeaturesMaterialized(version, entities, now));
            return pending.runs().size() + pending.releases().size();
        } catch (SQLException e) {
            throw new IllegalStateException("could not materialize " + version.viewName() + " " + version.version(),
                    e);
        }
    }

    // Per view version, so replicas can share different views but never do the same one twice.
    private static boolean lock(Connection c, long viewVersionId) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT pg_try_advisory_xact_lock(?, ?)")) {
            s.setInt(1, LOCK_SPACE);
            s.setInt(2, (int) viewVersionId);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() && rs.getBoolean(1);
            }
        }
    }

    private static void mark(Connection c, String sql, long viewVersionId, List<Long> ids, Instant now)
            throws SQLException {
        if (ids.isEmpty()) {
            return;
        }
        try (PreparedStatement s = c.prepareStatement(sql)) {
            s.setLong(1, viewVersionId);
            s.setArray(2, c.createArrayOf("bigint", ids.toArray()));
            s.setTimestamp(3, Timestamp.from(now));
            s.executeUpdate();
        }
    }

    private static void freshness(Connection c, long viewVersionId, List<FeatureEvent> appended, Instant now)
            throws SQLException {
        Instant newest = appended.stream().map(FeatureEvent::knownAt).max(Instant::compareTo).orElse(null);
        try (PreparedStatement s = c.prepareStatement(FRESHNESS)) {
            s.setLong(1, viewVersionId);
            s.setTimestamp(2, newest == null ? null : Timestamp.from(newest));
            s.setTimestamp(3, Timestamp.from(now));
            s.setLong(4, appended.size());
            s.executeUpdate();
        }
    }
}
