package dev.plumbline.featurestore.training;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * The {@code training_set} tables: a set's record, its pinned views and its Parquet rows (which retention may have
 * deleted while the record stays).
 */
@ApplicationScoped
public class TrainingSetStore {

    private static final String INSERT = """
            INSERT INTO training_set (requested_by, requested_at, upload_name, upload_format, time_column,
                label_columns, row_count, leaked_values, proxy_audit, join_millis)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?) RETURNING id""";
    private static final String INSERT_VIEW = """
            INSERT INTO training_set_view (training_set_id, position, view_version_id, view_name, version,
                entity_column, features) VALUES (?, ?, ?, ?, ?, ?, ?)""";
    private static final String SELECT = """
            SELECT id, requested_by, requested_at, upload_name, upload_format, time_column, label_columns, row_count,
                   leaked_values, proxy_audit::text, join_millis FROM training_set""";

    private final DataSource dataSource;
    private final ObjectMapper json;

    public TrainingSetStore(DataSource dataSource, ObjectMapper json) {
        this.dataSource = dataSource;
        this.json = json;
    }

    /** Stores the set with its views and rows; runs in the caller's transaction. */
    long insert(TrainingSet set, byte[] parquet) {
        try (Connection c = dataSource.getConnection()) {
            long id;
            try (PreparedStatement s = c.prepareStatement(INSERT)) {
                s.setString(1, set.requestedBy());
                s.setTimestamp(2, Timestamp.from(set.requestedAt()));
                s.setString(3, set.uploadName());
                s.setString(4, set.uploadFormat());
                s.setString(5, set.timeColumn());
                s.setArray(6, c.createArrayOf("text", set.labelColumns().toArray()));
                s.setLong(7, set.rowCount());
                s.setLong(8, set.leakedValues());
                s.setString(9, json.writeValueAsString(set.proxyAudit()));
                s.setLong(10, set.joinMillis());
                try (ResultSet rs = s.executeQuery()) {
                    rs.next();
                    id = rs.getLong(1);
                }
            }
            try (PreparedStatement s = c.prepareStatement(INSERT_VIEW)) {
                int position = 0;
                for (TrainingSet.PinnedView view : set.views()) {
                    s.setLong(1, id);
                    s.setInt(2, position++);
                    s.setLong(3, view.versionId());
                    s.setString(4, view.name());
                    s.setString(5, view.version());
                    s.setString(6, view.entityColumn());
                    s.setArray(7, c.createArrayOf("text", view.features().toArray()));
                    s.addBatch();
                }
                s.executeBatch();
            }
            try (PreparedStatement s = c.prepareStatement(
                    "INSERT INTO training_set_file (training_set_id, parquet) VALUES (?, ?)")) {
                s.setLong(1, id);
                s.setBytes(2, parquet);
                s.executeUpdate();
            }
            return id;
        } catch (SQLException | JsonProcessingException e) {
            throw new IllegalStateException("could not store the training set", e);
        }
    }

    public Optional<TrainingSet> get(long id) {
        List<TrainingSet> found = query(SELECT + " WHERE id = ?", id, 1);
        return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
    }

    /** The newest sets first. */
    public List<TrainingSet> newest(int limit) {
        return query(SELECT + " WHERE id < ? ORDER BY id DESC LIMIT ?", Long.MAX_VALUE, limit);
    }

    public Optional<byte[]> parquet(long id) {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(
                "SELECT parquet FROM training_set_file WHERE training_set_id = ?")) {
            s.setLong(1, id);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? Optional.of(rs.getBytes(1)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not read training set " + id, e);
        }
    }

    /** Deletes the rows of the sets asked for before {@code cutoff}, keeping their records; how many. */
    int deleteRowsAskedBefore(Instant cutoff) {
        return update("""
                DELETE FROM training_set_file f USING training_set t
                WHERE f.training_set_id = t.id AND t.requested_at < ?""", Timestamp.from(cutoff));
    }

    /** Deletes a set with its views and rows; whether there was one. */
    boolean delete(long id) {
        return update("DELETE FROM training_set WHERE id = ?", id) > 0;
    }

    private int update(String sql, Object parameter) {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            s.setObject(1, parameter);
            return s.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("could not delete training sets", e);
        }
    }

    private List<TrainingSet> query(String sql, long id, int limit) {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            s.setLong(1, id);
            if (limit > 1) {
                s.setInt(2, limit);
            }
            List<TrainingSet> sets = new ArrayList<>();
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    sets.add(new TrainingSet(rs.getLong(1), rs.getString(2), rs.getTimestamp(3).toInstant(),
                            rs.getString(4), rs.getString(5), rs.getString(6), strings(rs.getArray(7)), rs.getLong(8),
                            rs.getLong(9), json.readValue(rs.getString(10),
                                    new TypeReference<List<TrainingSet.Proxy>>() { }),
                            rs.getLong(11), views(c, rs.getLong(1))));
                }
            }
            return sets;
        } catch (SQLException | JsonProcessingException e) {
            throw new IllegalStateException("could not read training sets", e);
        }
    }

    private static List<TrainingSet.PinnedView> views(Connection c, long id) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("""
                SELECT view_name, version, view_version_id, entity_column, features FROM training_set_view
                WHERE training_set_id = ? ORDER BY position""")) {
            s.setLong(1, id);
            List<TrainingSet.PinnedView> views = new ArrayList<>();
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    views.add(new TrainingSet.PinnedView(rs.getString(1), rs.getString(2), rs.getLong(3),
                            rs.getString(4), strings(rs.getArray(5))));
                }
            }
            return views;
        }
    }

    private static List<String> strings(Array array) throws SQLException {
        return Arrays.asList((String[]) array.getArray());
    }
}
