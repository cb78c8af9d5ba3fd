package dev.plumbline.transform;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The {@code feature_tile} table: tile states read by range, and merged with new states under a row lock. */
final class TileStore {

    /** A stored tile. */
    record Tile(TileKey key, TileState state) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String STATE = """
            entity_key, field, event_bucket, known_bucket, value_count, numeric_count, sum, sum_squares, min, max,
            last_value::text, last_event_time, last_known_at, last_record_id, sketch""";
    private static final String LOCK = "SELECT " + STATE + " FROM feature_tile " + """
             WHERE view_version_id = ?
              AND (entity_key, field, event_bucket, known_bucket) IN
                  (SELECT * FROM unnest(?::text[], ?::text[], ?::bigint[], ?::bigint[]))
            FOR UPDATE""";
    private static final String RANGE = "SELECT " + STATE + " FROM feature_tile " + """
             WHERE view_version_id = ? AND entity_key = ?
              AND event_bucket > ? AND event_bucket < ? AND known_bucket < ?""";
    private static final String UPSERT = """
            INSERT INTO feature_tile (view_version_id, entity_key, field, event_bucket, known_bucket, value_count,
                   numeric_count, sum, sum_squares, min, max, last_value, last_event_time, last_known_at,
                   last_record_id, sketch)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?, ?, ?, ?)
            ON CONFLICT (view_version_id, entity_key, field, event_bucket, known_bucket) DO UPDATE SET
                value_count = EXCLUDED.value_count, numeric_count = EXCLUDED.numeric_count, sum = EXCLUDED.sum,
                sum_squares = EXCLUDED.sum_squares, min = EXCLUDED.min, max = EXCLUDED.max,
                last_value = EXCLUDED.last_value, last_event_time = EXCLUDED.last_event_time,
                last_known_at = EXCLUDED.last_known_at, last_record_id = EXCLUDED.last_record_id,
                sketch = EXCLUDED.sketch""";

    private TileStore() {
    }

    /** Merges the new states into the stored tiles (locking them first) and writes the results. */
    static void merge(Connection c, long viewVersionId, Map<TileKey, TileState> added) throws SQLException {
        Map<TileKey, TileState> merged = new HashMap<>(added);
        try (PreparedStatement s = c.prepareStatement(LOCK)) {
            s.setLong(1, viewVersionId);
            List<TileKey> keys = List.copyOf(added.keySet());
            s.setArray(2, c.createArrayOf("text", keys.stream().map(TileKey::entity).toArray()));
            s.setArray(3, c.createArrayOf("text", keys.stream().map(TileKey::field).toArray()));
            s.setArray(4, c.createArrayOf("bigint", keys.stream().map(TileKey::eventBucket).toArray()));
            s.setArray(5, c.createArrayOf("bigint", keys.stream().map(TileKey::knownBucket).toArray()));
            for (Tile stored : read(s)) {
                stored.state().merge(added.get(stored.key()));
                merged.put(stored.key(), stored.state());
            }
        }
        try (PreparedStatement s = c.prepareStatement(UPSERT)) {
            for (Map.Entry<TileKey, TileState> tile : merged.entrySet()) {
                bind(s, viewVersionId, tile.getKey(), tile.getValue());
                s.addBatch();
            }
            s.executeBatch();
        }
    }

    /** Tiles of an entity with event buckets strictly between the two given and known buckets before the one given. */
    static List<Tile> range(Connection c, long viewVersionId, String entity, long afterEventBucket,
            long beforeEventBucket, long beforeKnownBucket) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(RANGE)) {
            s.setLong(1, viewVersionId);
            s.setString(2, entity);
            s.setLong(3, afterEventBucket);
            s.setLong(4, beforeEventBucket);
            s.setLong(5, beforeKnownBucket);
            return read(s);
        }
    }

    private static List<Tile> read(PreparedStatement s) throws SQLException {
        List<Tile> tiles = new ArrayList<>();
        try (ResultSet rs = s.executeQuery()) {
            while (rs.next()) {
                TileState state = new TileState();
                state.valueCount = rs.getLong(5);
                state.numericCount = rs.getLong(6);
                state.sum = rs.getDouble(7);
                state.sumSquares = rs.getDouble(8);
                state.min = (Double) rs.getObject(9);
                state.max = (Double) rs.getObject(10);
                String last = rs.getString(11);
                if (last != null) {
                    state.last = new TileState.Last(json(last), rs.getTimestamp(12).toInstant(),
                            rs.getTimestamp(13).toInstant(), rs.getLong(14));
                }
                byte[] sketch = rs.getBytes(15);
                state.sketch = sketch == null ? null : HyperLogLog.of(sketch);
                tiles.add(new Tile(new TileKey(rs.getString(1), rs.getString(2), rs.getLong(3), rs.getLong(4)),
                        state));
            }
        }
        return tiles;
    }

    private static void bind(PreparedStatement s, long viewVersionId, TileKey key, TileState state)
            throws SQLException {
        s.setLong(1, viewVersionId);
        s.setString(2, key.entity());
        s.setString(3, key.field());
        s.setLong(4, key.eventBucket());
        s.setLong(5, key.knownBucket());
        s.setLong(6, state.valueCount);
        s.setLong(7, state.numericCount);
        s.setDouble(8, state.sum);
        s.setDouble(9, state.sumSquares);
        s.setObject(10, state.min, Types.DOUBLE);
        s.setObject(11, state.max, Types.DOUBLE);
        TileState.Last last = state.last;
        s.setString(12, last == null ? null : last.value().toString());
        s.setTimestamp(13, last == null ? null : Timestamp.from(last.eventTime()));
        s.setTimestamp(14, last == null ? null : Timestamp.from(last.knownAt()));
        s.setObject(15, last == null ? null : last.recordId(), Types.BIGINT);
        s.setBytes(16, state.sketch == null ? null : state.sketch.bytes());
    }

    private static JsonNode json(String text) {
        try {
            return JSON.readTree(text);
        } catch (IOException e) {
            throw new IllegalStateException("a tile's last value is not JSON", e);
        }
    }
}
