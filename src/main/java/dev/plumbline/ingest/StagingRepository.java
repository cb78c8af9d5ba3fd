package dev.plumbline.ingest;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import javax.sql.DataSource;

/**
 * The staging table: records written once per (topic, partition, offset), then claimed in micro-batches
 * by validation. Plain JDBC, because staging is the hot path and needs {@code ON CONFLICT DO NOTHING}.
 */
@ApplicationScoped
public class StagingRepository {

    // One statement per batch: the arrays go over the wire in PostgreSQL's binary array format (no quoting
    // of the JSON), are unnested server-side, and the new rows are counted per topic in the same statement.
    private static final String INSERT = """
            WITH added AS (
                INSERT INTO staged_record (topic, kafka_partition, kafka_offset, record_key, payload, raw_payload,
                                           parse_error, ingested_at)
                SELECT u.topic, u.part, u.off, u.key, u.json::jsonb, u.raw, u.error, ?
                FROM unnest(?::text[], ?::int4[], ?::int8[], ?::text[], ?::text[], ?::bytea[], ?::text[])
                     AS u(topic, part, off, key, json, raw, error)
                ON CONFLICT (topic, kafka_partition, kafka_offset) DO NOTHING
                RETURNING topic)
            SELECT topic, count(*)::int FROM added GROUP BY topic""";
    private static final String COLUMNS = """
            SELECT id, topic, kafka_partition, kafka_offset, record_key, payload::text, raw_payload, parse_error,
                   ingested_at
            FROM staged_record""";
    private static final String CLAIM = COLUMNS + """
             WHERE topic = ? AND validation_run_id IS NULL
            ORDER BY id LIMIT ? FOR UPDATE SKIP LOCKED""";
    private static final String FIND = COLUMNS + " WHERE id = ANY (?) ORDER BY id";

    private final DataSource dataSource;

    public StagingRepository(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Stages the records in one transaction and returns how many were new per topic. */
    @Transactional
    public Map<String, Integer> stage(List<IncomingRecord> records, Instant ingestedAt) {
        List<Row> rows = records.stream().map(r -> new Row(r, Payload.read(r.value()))).toList();
        Map<String, Integer> added = new TreeMap<>();
        records.forEach(r -> added.putIfAbsent(r.topic(), 0));
        try (Connection c = dataSource.getConnection()) {
            savepoint(c, "SAVEPOINT staging_batch");
            try {
                insert(c, rows, ingestedAt, added);
            } catch (SQLException e) {
                if (!refusedData(e)) {
                    throw e;
                }
                // PostgreSQL refuses some JSON that Jackson reads (a lone surrogate escape, say), and one such
                // record must not block the batch: find it, and stage it as unreadable with PostgreSQL's reason.
                savepoint(c, "ROLLBACK TO SAVEPOINT staging_batch");
                for (Row row : rows) {
                    stageAlone(c, row, ingestedAt, added);
                }
            }
            return added;
        } catch (SQLException e) {
            throw new StagingFailed(e);
        }
    }

    private void stageAlone(Connection c, Row row, Instant ingestedAt, Map<String, Integer> added)
            throws SQLException {
        savepoint(c, "SAVEPOINT staging_record");
        try {
            insert(c, List.of(row), ingestedAt, added);
        } catch (SQLException e) {
            if (!refusedData(e) || !row.payload().readable()) {
                throw e;
            }
            savepoint(c, "ROLLBACK TO SAVEPOINT staging_record");
            Payload unstorable = new Payload(null, row.record().value(),
                    "JSON that PostgreSQL cannot store: " + e.getMessage());
            insert(c, List.of(new Row(row.record(), unstorable)), ingestedAt, added);
        }
    }

    private static void insert(Connection c, List<Row> rows, Instant ingestedAt, Map<String, Integer> added)
            throws SQLException {
        int n = rows.size();
        String[] topics = new String[n], keys = new String[n], json = new String[n], errors = new String[n];
        int[] partitions = new int[n];
        long[] offsets = new long[n];
        byte[][] raw = new byte[n][];
        for (int i = 0; i < n; i++) {
            IncomingRecord r = rows.get(i).record();
            Payload payload = rows.get(i).payload();
            topics[i] = r.topic();
            partitions[i] = r.partition();
            offsets[i] = r.offset();
            keys[i] = r.key();
            json[i] = payload.json();
            raw[i] = payload.raw();
            errors[i] = payload.parseError();
        }
        try (PreparedStatement insert = c.prepareStatement(INSERT)) {
            insert.setTimestamp(1, Timestamp.from(ingestedAt));
            // Java arrays, not createArrayOf: the driver then sends them in binary.
            Object[] arrays = {topics, partitions, offsets, keys, json, raw, errors};
            for (int i = 0; i < arrays.length; i++) {
                insert.setObject(2 + i, arrays[i]);
            }
            try (ResultSet rs = insert.executeQuery()) {
                while (rs.next()) {
                    added.merge(rs.getString(1), rs.getInt(2), Integer::sum);
                }
            }
        }
    }

    // In SQL rather than through JDBC's Savepoint API, which the pool refuses on a connection in a JTA transaction.
    private static void savepoint(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    /** SQLSTATE class 22, data exception: the value is refused, not the database unreachable. */
    private static boolean refusedData(SQLException e) {
        return e.getSQLState() != null && e.getSQLState().startsWith("22");
    }

    private record Row(IncomingRecord record, Payload payload) {
    }

    /** How much of a topic waits for validation, and since when. */
    public Pending pending(String topic) {
        return queryOne("""
                SELECT count(*), min(ingested_at) FROM staged_record
                WHERE topic = ? AND validation_run_id IS NULL""", topic,
                rs -> new Pending(rs.getLong(1), instant(rs.getTimestamp(2))));
    }

    /**
     * Like {@link #pending(String)}, counting no further than {@code atMost}: enough to tell whether a full batch
     * waits, without counting a long backlog on every batch. Where fewer wait, the figures are exact.
     */
    public Pending pending(String topic, int atMost) {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement("""
                SELECT count(*), min(ingested_at) FROM (
                    SELECT ingested_at FROM staged_record WHERE topic = ? AND validation_run_id IS NULL
                    ORDER BY id LIMIT ?) oldest""")) {
            s.setString(1, topic);
            s.setInt(2, atMost);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return new Pending(rs.getLong(1), instant(rs.getTimestamp(2)));
            }
        } catch (SQLException e) {
            throw new StagingFailed(e);
        }
    }

    /** Locks and returns the oldest unvalidated records of a topic; call inside a transaction. */
    public List<StagedRecord> claim(String topic, int limit) {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(CLAIM)) {
            s.setString(1, topic);
            s.setInt(2, limit);
            return records(s);
        } catch (SQLException e) {
            throw new StagingFailed(e);
        }
    }

    /** The staged records with these ids, in id order (ids that do not exist are left out). */
    public List<StagedRecord> find(Collection<Long> ids) {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(FIND)) {
            s.setArray(1, c.createArrayOf("bigint", ids.toArray()));
            return records(s);
        } catch (SQLException e) {
            throw new StagingFailed(e);
        }
    }

    private static List<StagedRecord> records(PreparedStatement query) throws SQLException {
        List<StagedRecord> records = new ArrayList<>();
        try (ResultSet rs = query.executeQuery()) {
            while (rs.next()) {
                Payload payload = new Payload(rs.getString(6), rs.getBytes(7), rs.getString(8));
                records.add(new StagedRecord(rs.getLong(1), rs.getString(2), rs.getInt(3), rs.getLong(4),
                        rs.getString(5), payload, instant(rs.getTimestamp(9))));
            }
        }
        return records;
    }

    /** Marks claimed records as validated by a run; call in the transaction that claimed them. */
    public void markValidated(Collection<Long> ids, long runId) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement(
                        "UPDATE staged_record SET validation_run_id = ? WHERE id = ANY (?)")) {
            s.setLong(1, runId);
            s.setArray(2, c.createArrayOf("bigint", ids.toArray()));
            s.executeUpdate();
        } catch (SQLException e) {
            throw new StagingFailed(e);
        }
    }

    /** Everything ever staged from a topic, validated or not. */
    public long stagedCount(String topic) {
        return queryOne("SELECT count(*) FROM staged_record WHERE topic = ?", topic, rs -> rs.getLong(1));
    }

    /** How much is waiting, and when the oldest of it arrived (null when nothing waits). */
    public record Pending(long count, Instant oldestIngestedAt) {
    }

    private interface RowReader<T> {
        T read(ResultSet rs) throws SQLException;
    }

    private <T> T queryOne(String sql, String topic, RowReader<T> row) {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, topic);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return row.read(rs);
            }
        } catch (SQLException e) {
            throw new StagingFailed(e);
        }
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }

    /** Staging could not reach or write the database. */
    public static class StagingFailed extends RuntimeException {
        StagingFailed(SQLException cause) {
            super("staging failed: " + cause.getMessage(), cause);
        }
    }
}
