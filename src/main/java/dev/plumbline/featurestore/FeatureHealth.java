package dev.plumbline.featurestore;

import dev.plumbline.transform.FeatureViewVersion;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import javax.sql.DataSource;

/**
 * How each view's newest active version fares against its SLA: how old its newest materialized event is (known
 * at), and this replica's serving p99. What the registry page shows, the alert rules judge and the history keeps.
 */
@ApplicationScoped
public class FeatureHealth {

    /** One view version's health. */
    public record ViewHealth(FeatureViewVersion version, Instant newestKnownAt, Duration servingP99) {

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
    private final DataSource dataSource;

    public FeatureHealth(FeatureRegistry registry, ServingTimer timer, DataSource dataSource) {
        this.registry = registry;
        this.timer = timer;
        this.dataSource = dataSource;
    }

    public List<ViewHealth> all() {
        return registry.list().stream().map(this::of).toList();
    }

    public ViewHealth of(FeatureViewVersion version) {
        return new ViewHealth(version, newestKnownAt(version.id()), timer.p99(version.viewName()));
    }

    private Instant newestKnownAt(long versionId) {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(
                "SELECT newest_known_at FROM feature_freshness WHERE view_version_id = ?")) {
            s.setLong(1, versionId);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() && rs.getTimestamp(1) != null ? rs.getTimestamp(1).toInstant() : null;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not read feature freshness", e);
        }
    }
}
