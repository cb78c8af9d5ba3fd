package dev.plumbline.featurestore;

import dev.plumbline.transform.FeatureViewVersion;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;

/**
 * How each view's newest active version fares against its SLA: how old its newest materialized event is (known
 * at), this replica's serving p99, and its features' drift against their baselines. What the registry page shows,
 * the alert rules judge and the history keeps.
 */
@ApplicationScoped
public class FeatureHealth {

    /** One view version's health. */
    public record ViewHealth(FeatureViewVersion version, Instant newestKnownAt, Duration servingP99, ViewDrift drift) {

        /** How old the newest materialized event is; null before anything was materialized. */
        public Duration age(Instant now) {
            return newestKnownAt == null ? null : Duration.between(newestKnownAt, now);
        }

        public Duration freshnessSla() {
            return version.definition().sla().freshness();
        }

        public Duration servingSla() {
            return version.definition().sla().servingP99();
        }
    }

    private final FeatureRegistry registry;
    private final ServingTimer timer;
    private final FeatureDriftReadings drift;
    private final DataSource dataSource;

    public FeatureHealth(FeatureRegistry registry, ServingTimer timer, FeatureDriftReadings drift,
            DataSource dataSource) {
        this.registry = registry;
        this.timer = timer;
        this.drift = drift;
        this.dataSource = dataSource;
    }

    /** Every view's newest active version, its freshness read in one query (the dashboard asks every 5 s). */
    public List<ViewHealth> all() {
        List<FeatureViewVersion> versions = registry.list();
        Map<Long, Instant> newest = newestKnownAt(versions.stream().map(FeatureViewVersion::id).toList());
        Map<Long, ViewDrift> drifts = drift.drift(versions);
        return versions.stream().map(v -> new ViewHealth(v, newest.get(v.id()), timer.p99(v.viewName()),
                drifts.get(v.id()))).toList();
    }

    public ViewHealth of(FeatureViewVersion version) {
        return new ViewHealth(version, newestKnownAt(List.of(version.id())).get(version.id()),
                timer.p99(version.viewName()), drift.drift(List.of(version)).get(version.id()));
    }

    private Map<Long, Instant> newestKnownAt(List<Long> versionIds) {
        Map<Long, Instant> newest = new HashMap<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement("""
                SELECT view_version_id, newest_known_at FROM feature_freshness
                WHERE view_version_id = ANY (?) AND newest_known_at IS NOT NULL""")) {
            s.setArray(1, c.createArrayOf("bigint", versionIds.toArray()));
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    newest.put(rs.getLong(1), rs.getTimestamp(2).toInstant());
                }
            }
            return newest;
        } catch (SQLException e) {
            throw new IllegalStateException("could not read feature freshness", e);
        }
    }
}
