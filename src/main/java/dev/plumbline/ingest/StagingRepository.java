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

    private static final String UNIQUE_VIOLATION = "23505";

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
        List<StagingInsert.Row> rows = records.stream()
                .map(r -> new StagingInsert.Row(r, Payload.read(r.value()))).toList();
        Map<String, Integer> added = new TreeMap<>();
        records.forEach(r -> added.putIfAbsent(r.topic(), 0));
        try (Connection c = dataSource.getConnection()) {
            if (!stagedAsNew(c, rows, ingestedAt)) {
                stageIdempotently(c, rows, ingestedAt, added);
                return added;
            }
            rows.forEach(row -> added.merge(row.record().topic(), 1, Integer::sum));
            return added;
        } catch (SQLException e) {
            throw new StagingFailed(e);
        }
    }

    // The common case, offsets never staged before, as a plain INSERT: cheaper than ON CONFLICT's speculative
    // insertion. A replayed offset (unique violation) or a refused value rolls it back for the careful path.
    private static boolean stagedAsNew(Connection c, List<StagingInsert.Row> rows, Instant ingestedAt)
            throws SQLException {
        try {
            StagingInsert.insertNew(c, "staging_batch", rows, ingestedAt);
            return true;
        } catch (SQLException e) {
            if (!UNIQUE_VIOLATION.equals(e.getSQLState()) && !refusedData(e)) {
                throw e;
            }
            savepoint(c, "ROLLBACK TO SAVEPOINT staging_batch");
            return false;
        }
    }

    private void stageIdempotently(Connection c, List<StagingInsert.Row> rows, Instant ingestedAt,
            Map<String, Integer> added) throws SQLException {
        try {
            StagingInsert.insert(c, "staging_batch", rows, ingestedAt, added);
        } catch (SQLException e) {
            if (!refusedData(e)) {
                throw e;
            }
            // PostgreSQL refuses some JSON that Jackson reads (a lone surrogate escape, say), and one such
            // record must not block the batch: find it, and stage it as unreadable with PostgreSQL's reason.
            savepoint(c, "ROLLBACK TO SAVEPOINT staging_batch");
            for (StagingInsert.Row row : rows) {
                stageAlone(c, row, ingestedAt, added);
            }
        }
    }

    private void stageAlone(Connection c, StagingInsert.Row row, Instant ingestedAt, Map<String, Integer> added)
            throws SQLException {
        try {
            StagingInsert.insert(c, "staging_record", List.of(row), ingestedAt, added);
        } catch (SQLException e) {
            if (!refusedData(e) || !row.payload().readable()) {
                throw e;
            }
            savepoint(c, "ROLLBACK TO SAVEPOINT staging_record");
            Payload unstorable = new Payload(null, row.record().value(),
                    "JSON that PostgreSQL cannot store: " + e.getMessage());
            StagingInsert.insert(c, null, List.of(new StagingInsert.Row(row.record(), unstorable)), ingestedAt, added);
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

    /** How much of a topic waits for validation, and since when. */
    public Pending pending(String topic) {
        return queryOne("""
                SELECT count(*), min(ingested_at) FROM staged_record
                WHERE topic = ? AND validation_run_id IS NULL""", topic,
                rs -> new Pending(rs.getLong(1), instant(rs.getTimestamp(2))));
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
