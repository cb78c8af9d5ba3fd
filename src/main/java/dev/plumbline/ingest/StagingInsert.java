package dev.plumbline.ingest;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The statements that stage a batch in one round trip: an optional savepoint, then the rows as arrays in
 * PostgreSQL's binary format (no quoting of the JSON), unnested server-side; either a plain insert of offsets
 * never staged, or one idempotent on (topic, partition, offset) that counts the new rows per topic.
 */
final class StagingInsert {

    private static final String INSERT_NEW = """
            INSERT INTO staged_record (topic, kafka_partition, kafka_offset, record_key, payload, raw_payload,
                                       parse_error, ingested_at)
            SELECT u.topic, u.part, u.off, u.key, u.json::jsonb, u.raw, u.error, ?
            FROM unnest(?::text[], ?::int4[], ?::int8[], ?::text[], ?::text[], ?::bytea[], ?::text[])
                 AS u(topic, part, off, key, json, raw, error)""";
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

    private StagingInsert() {
    }

    /** A record and its payload as read for staging. */
    record Row(IncomingRecord record, Payload payload) {
    }

    /**
     * Inserts rows none of whose offsets is staged yet; a staged one fails the whole statement with a unique
     * violation. With a {@code savepoint} name, sets that savepoint first, in the same round trip.
     */
    static void insertNew(Connection c, String savepoint, List<Row> rows, Instant ingestedAt) throws SQLException {
        try (PreparedStatement insert = prepare(c, savepoint, INSERT_NEW, rows, ingestedAt)) {
            insert.execute();
        }
    }

    /**
     * Inserts the rows whose offsets are not staged yet and adds them to {@code added} per topic. With a
     * {@code savepoint} name, sets that savepoint first, in the same round trip.
     */
    static void insert(Connection c, String savepoint, List<Row> rows, Instant ingestedAt, Map<String, Integer> added)
            throws SQLException {
        try (PreparedStatement insert = prepare(c, savepoint, INSERT, rows, ingestedAt)) {
            boolean resultSet = insert.execute();
            while (!resultSet && insert.getUpdateCount() != -1) {
                resultSet = insert.getMoreResults();
            }
            try (ResultSet rs = insert.getResultSet()) {
                while (rs.next()) {
                    added.merge(rs.getString(1), rs.getInt(2), Integer::sum);
                }
            }
        }
    }

    private static PreparedStatement prepare(Connection c, String savepoint, String insert, List<Row> rows,
            Instant ingestedAt) throws SQLException {
        PreparedStatement statement = c.prepareStatement(savepoint == null ? insert
                : "SAVEPOINT " + savepoint + ";\n" + insert);
        try {
            statement.setTimestamp(1, Timestamp.from(ingestedAt));
            // Java arrays, not createArrayOf: the driver then sends them in binary.
            Object[] arrays = columns(rows);
            for (int i = 0; i < arrays.length; i++) {
                statement.setObject(2 + i, arrays[i]);
            }
            return statement;
        } catch (SQLException e) {
            statement.close();
            throw e;
        }
    }

    private static Object[] columns(List<Row> rows) {
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
        return new Object[] {topics, partitions, offsets, keys, json, raw, errors};
    }
}
