package dev.plumbline.validate.history;

import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.sql.DataSource;

/**
 * The accepted keys of every dataset ({@code dataset_key}), looked up and registered with one statement per
 * batch whatever its size. Call it inside the validation transaction: a rolled-back run registers nothing, so a
 * replay after a crash finds no false duplicates.
 */
@ApplicationScoped
public class KeyStore {

    // LATERAL: one primary-key probe per key, so the cost follows the batch, not the size of the history.
    private static final String FIND = """
            SELECT q.dataset, q.col, q.key, k.staged_record_id, s.topic, s.kafka_partition, s.kafka_offset
            FROM unnest(?::text[], ?::text[], ?::text[]) AS q(dataset, col, key)
            JOIN dataset d ON d.name = q.dataset
            CROSS JOIN LATERAL (SELECT staged_record_id FROM dataset_key
                                WHERE dataset_id = d.id AND column_name = q.col AND key_value = q.key LIMIT 1) k
            LEFT JOIN staged_record s ON s.id = k.staged_record_id""";
    private static final String UNIQUE_VIOLATION = "23505";
    private static final String INSERT = """
            INSERT INTO dataset_key (dataset_id, column_name, key_value, staged_record_id)
            SELECT ?, u.col, u.key, u.id FROM unnest(?::text[], ?::text[], ?::int8[]) AS u(col, key, id)""";
    // Most batches' keys are all new, and a plain insert costs about half of one that may conflict: it goes first,
    // between a savepoint and its release in the same round trip; a key held already fails it (the release is not
    // reached), and the careful statement follows.
    private static final String REGISTER_NEW = "SAVEPOINT keys;\n" + INSERT + ";\nRELEASE SAVEPOINT keys";
    // Waits for a concurrent transaction holding the same key; if that one commits, the key is not returned.
    private static final String REGISTER = "ROLLBACK TO SAVEPOINT keys;\n" + INSERT + """

            ON CONFLICT (dataset_id, column_name, key_value) DO NOTHING
            RETURNING column_name, key_value""";
    private static final String UNREGISTER = """
            DELETE FROM dataset_key k USING unnest(?::text[], ?::text[], ?::int8[]) AS u(col, key, id)
            WHERE k.dataset_id = ? AND k.column_name = u.col AND k.key_value = u.key AND k.staged_record_id = u.id""";

    private final DataSource dataSource;

    public KeyStore(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** The holders of those keys that are in the history. */
    Map<KeyProbe, KeyHolder> find(Collection<KeyProbe> probes) {
        Map<KeyProbe, KeyHolder> found = new HashMap<>();
        if (probes.isEmpty()) {
            return found;
        }
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(FIND)) {
            s.setArray(1, texts(c, probes.stream().map(KeyProbe::dataset).toList()));
            s.setArray(2, texts(c, probes.stream().map(KeyProbe::column).toList()));
            s.setArray(3, texts(c, probes.stream().map(KeyProbe::key).toList()));
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    found.put(new KeyProbe(rs.getString(1), rs.getString(2), rs.getString(3)),
                            new KeyHolder(rs.getLong(4), rs.getString(5), (Integer) rs.getObject(6),
                                    (Long) rs.getObject(7)));
                }
            }
            return found;
        } catch (SQLException e) {
            throw new IllegalStateException("could not look up " + probes.size() + " keys", e);
        }
    }

    /** Registers the keys; returns those another staged record holds already (registered concurrently). */
    List<KeyRegistration> register(long datasetId, List<KeyRegistration> registrations) {
        if (registrations.isEmpty()) {
            return List.of();
        }
        // One order for every transaction, so that two batches waiting on each other's keys cannot deadlock.
        List<KeyRegistration> sorted = registrations.stream().sorted(Comparator.comparing(KeyRegistration::column)
                .thenComparing(KeyRegistration::key)).toList();
        try (Connection c = dataSource.getConnection()) {
            try (PreparedStatement s = c.prepareStatement(REGISTER_NEW)) {
                s.setLong(1, datasetId);
                setRegistrations(c, s, 2, sorted);
                s.execute();
                return List.of();
            } catch (SQLException e) {
                if (!UNIQUE_VIOLATION.equals(e.getSQLState())) {
                    throw e;
                }
            }
            return registerCarefully(c, datasetId, sorted);
        } catch (SQLException e) {
            throw new IllegalStateException("could not register " + registrations.size() + " keys", e);
        }
    }

    private static List<KeyRegistration> registerCarefully(Connection c, long datasetId,
            List<KeyRegistration> sorted) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(REGISTER)) {
            s.setLong(1, datasetId);
            setRegistrations(c, s, 2, sorted);
            boolean resultSet = s.execute();
            while (!resultSet && s.getUpdateCount() != -1) {
                resultSet = s.getMoreResults();
            }
            Set<List<String>> registered = new HashSet<>();
            try (ResultSet rs = s.getResultSet()) {
                while (rs.next()) {
                    registered.add(List.of(rs.getString(1), rs.getString(2)));
                }
            }
            return sorted.stream().filter(r -> !registered.contains(List.of(r.column(), r.key()))).toList();
        }
    }

    /** Takes back keys this transaction registered for records it then rejected. */
    void unregister(long datasetId, List<KeyRegistration> registrations) {
        if (registrations.isEmpty()) {
            return;
        }
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(UNREGISTER)) {
            setRegistrations(c, s, 1, registrations);
            s.setLong(4, datasetId);
            s.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("could not unregister " + registrations.size() + " keys", e);
        }
    }

    private static void setRegistrations(Connection c, PreparedStatement s, int first,
            List<KeyRegistration> registrations) throws SQLException {
        s.setArray(first, texts(c, registrations.stream().map(KeyRegistration::column).toList()));
        s.setArray(first + 1, texts(c, registrations.stream().map(KeyRegistration::key).toList()));
        s.setArray(first + 2, c.createArrayOf("int8", registrations.stream()
                .map(KeyRegistration::stagedRecordId).toArray()));
    }

    private static Array texts(Connection c, List<String> texts) throws SQLException {
        return c.createArrayOf("text", texts.toArray());
    }
}
