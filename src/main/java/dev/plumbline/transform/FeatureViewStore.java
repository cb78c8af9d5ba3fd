package dev.plumbline.transform;

import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import javax.sql.DataSource;

/** The stored feature views and their immutable versions ({@code feature_view}, {@code feature_view_version}). */
@ApplicationScoped
public class FeatureViewStore {

    private static final String COLUMNS = """
            SELECT v.id, f.name, f.owning_team, f.dataset_id, v.version, v.status, v.definition_yaml,
                   v.event_time_field, v.created_by, v.created_at
            FROM feature_view_version v JOIN feature_view f ON f.id = v.view_id""";

    private final DataSource dataSource;
    // Versions never change, so each is parsed once.
    private final Map<Long, FeatureViewDefinition> parsed = new ConcurrentHashMap<>();

    public FeatureViewStore(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Every version of the view, oldest first; empty when there is no such view. */
    public List<FeatureViewVersion> versions(String viewName) {
        return query(COLUMNS + " WHERE f.name = ? ORDER BY v.id", viewName);
    }

    public Optional<FeatureViewVersion> version(String viewName, String version) {
        return query(COLUMNS + " WHERE f.name = ? AND v.version = ?", viewName, version).stream().findFirst();
    }

    /** The newest active version of each view, by view name. */
    public List<FeatureViewVersion> latestActive() {
        return query(COLUMNS + """
                 WHERE v.id = (SELECT max(id) FROM feature_view_version WHERE view_id = f.id AND status = 'active')
                ORDER BY f.name""");
    }

    /** Every active version of every view: each is materialized, so pinned consumers keep their values. */
    public List<FeatureViewVersion> active() {
        return query(COLUMNS + " WHERE v.status = 'active' ORDER BY v.id");
    }

    /** Stores a new version, creating the view on its first; the caller has checked the version is new. */
    public void insert(FeatureViewDefinition definition, long datasetId, String yaml, String createdBy) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement view = c.prepareStatement("""
                        INSERT INTO feature_view (name, owning_team, dataset_id) VALUES (?, ?, ?)
                        ON CONFLICT (name) DO NOTHING""");
                PreparedStatement version = c.prepareStatement("""
                        INSERT INTO feature_view_version (view_id, version, status, definition_yaml, event_time_field,
                                                          created_by)
                        SELECT id, ?, 'active', ?, ?, ? FROM feature_view WHERE name = ?""")) {
            view.setString(1, definition.name());
            view.setString(2, definition.owner());
            view.setLong(3, datasetId);
            view.executeUpdate();
            version.setString(1, definition.version());
            version.setString(2, yaml);
            version.setString(3, definition.eventTimeField());
            version.setString(4, createdBy);
            version.setString(5, definition.name());
            version.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("could not store feature view " + definition.name(), e);
        }
    }

    /** Deletes the view with every version, its tiles and online values; whether there was one. */
    public boolean delete(String viewName) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement("DELETE FROM feature_view WHERE name = ?")) {
            s.setString(1, viewName);
            return s.executeUpdate() > 0;
        } catch (SQLException e) {
            throw new IllegalStateException("could not delete feature view " + viewName, e);
        }
    }

    private List<FeatureViewVersion> query(String sql, String... parameters) {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                s.setString(i + 1, parameters[i]);
            }
            List<FeatureViewVersion> versions = new ArrayList<>();
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    String yaml = rs.getString(7);
                    String eventTime = rs.getString(8);
                    FeatureViewDefinition definition = parsed.computeIfAbsent(rs.getLong(1),
                            id -> FeatureViewParser.stored(yaml, eventTime));
                    versions.add(new FeatureViewVersion(rs.getLong(1), rs.getString(2), rs.getString(3),
                            rs.getLong(4), rs.getString(5), rs.getString(6), definition, yaml, rs.getString(9),
                            rs.getTimestamp(10).toInstant()));
                }
            }
            return versions;
        } catch (SQLException e) {
            throw new IllegalStateException("could not read feature views", e);
        }
    }
}
