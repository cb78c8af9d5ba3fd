package dev.plumbline.transform;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;

/**
 * The stored feature views and their versions ({@code feature_view}, {@code feature_view_version}): proposed and
 * approved ones may still be revised, active and deprecated ones are immutable.
 */
@ApplicationScoped
public class FeatureViewStore {

    private static final String COLUMNS = """
            SELECT v.id, f.name, f.owning_team, f.dataset_id, v.version, v.status, v.definition_yaml,
                   v.event_time_field, v.created_by, v.created_at
            FROM feature_view_version v JOIN feature_view f ON f.id = v.view_id""";

    private final DataSource dataSource;
    private final TransactionSynchronizationRegistry transactions;
    // Versions never change once active, so each of those is parsed once.
    private final Map<Long, FeatureViewDefinition> parsed = new ConcurrentHashMap<>();
    private final AtomicLong changes = new AtomicLong();

    @Inject
    public FeatureViewStore(DataSource dataSource, TransactionSynchronizationRegistry transactions) {
        this.dataSource = dataSource;
        this.transactions = transactions;
    }

    public FeatureViewStore(DataSource dataSource) {
        this(dataSource, null);
    }

    /**
     * A count of the writes this store made (versions stored, moved, revised, views deleted), counted when each
     * is made and again when its transaction ends: a reader that cached what it read may keep it while this
     * count is unchanged, as far as this process's writes go.
     */
    public long changes() {
        return changes.get();
    }

    /** Every version of the view, oldest first; empty when there is no such view. */
    public List<FeatureViewVersion> versions(String viewName) {
        return query(COLUMNS + " WHERE f.name = ? ORDER BY v.id", viewName);
    }

    public Optional<FeatureViewVersion> version(String viewName, String version) {
        return query(COLUMNS + " WHERE f.name = ? AND v.version = ?", viewName, version).stream().findFirst();
    }

    public Optional<FeatureViewVersion> byId(long id) {
        return query(COLUMNS + " WHERE v.id = ?::bigint", String.valueOf(id)).stream().findFirst();
    }

    /** The view's id, if there is such a view. */
    public Optional<Long> viewId(String viewName) {
        return Optional.ofNullable(update("SELECT id FROM feature_view WHERE name = ?", viewName));
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

    /**
     * Stores a new version with its status ({@code active} or {@code proposed}), creating the view on its first;
     * the caller has checked the version is new.
     */
    public void insert(FeatureViewDefinition definition, long datasetId, String yaml, String createdBy,
            String status) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement view = c.prepareStatement("""
                        INSERT INTO feature_view (name, owning_team, dataset_id) VALUES (?, ?, ?)
                        ON CONFLICT (name) DO NOTHING""");
                PreparedStatement version = c.prepareStatement("""
                        INSERT INTO feature_view_version (view_id, version, status, definition_yaml, event_time_field,
                                                          created_by)
                        SELECT id, ?, ?, ?, ?, ? FROM feature_view WHERE name = ?""")) {
            view.setString(1, definition.name());
            view.setString(2, definition.owner());
            view.setLong(3, datasetId);
            view.executeUpdate();
            version.setString(1, definition.version());
            version.setString(2, status);
            version.setString(3, yaml);
            version.setString(4, definition.eventTimeField());
            version.setString(5, createdBy);
            version.setString(6, definition.name());
            version.executeUpdate();
            changed();
        } catch (SQLException e) {
            throw new IllegalStateException("could not store feature view " + definition.name(), e);
        }
    }

    /** Moves a version to another status; the database refuses what its lifecycle does not allow. */
    public void setStatus(long versionId, String status) {
        update("UPDATE feature_view_version SET status = ? WHERE id = ?::bigint", status, String.valueOf(versionId));
        changed();
    }

    /** A new text of a version under review; it is a draft or proposed again, as its change request is. */
    public void revise(long versionId, FeatureViewDefinition definition, String yaml, String status) {
        update("""
                UPDATE feature_view_version SET version = ?, definition_yaml = ?, event_time_field = ?,
                       status = ? WHERE id = ?::bigint""", definition.version(), yaml,
                definition.eventTimeField(), status, String.valueOf(versionId));
        parsed.remove(versionId);
        changed();
    }

    /** Deletes the view with every version, its tiles and online values; whether there was one. */
    public boolean delete(String viewName) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement("DELETE FROM feature_view WHERE name = ?")) {
            s.setString(1, viewName);
            boolean deleted = s.executeUpdate() > 0;
            changed();
            return deleted;
        } catch (SQLException e) {
            throw new IllegalStateException("could not delete feature view " + viewName, e);
        }
    }

    private void changed() {
        changes.incrementAndGet();
        if (transactions != null && transactions.getTransactionKey() != null) {
            transactions.registerInterposedSynchronization(new Synchronization() {
                @Override
                public void beforeCompletion() {
                }

                @Override
                public void afterCompletion(int status) {
                    changes.incrementAndGet();
                }
            });
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
                    boolean settled = Set.of("active", "deprecated").contains(rs.getString(6));
                    FeatureViewDefinition definition = settled ? parsed.computeIfAbsent(rs.getLong(1),
                            id -> FeatureViewParser.stored(yaml, eventTime))
                            : FeatureViewParser.stored(yaml, eventTime);
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

    /** Runs one statement; for a query, the first column of its first row as a number. */
    private Long update(String sql, String... parameters) {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                s.setString(i + 1, parameters[i]);
            }
            if (!s.execute()) {
                return null;
            }
            try (ResultSet rs = s.getResultSet()) {
                return rs.next() ? rs.getLong(1) : null;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not write feature views: " + e.getMessage(), e);
        }
    }
}
