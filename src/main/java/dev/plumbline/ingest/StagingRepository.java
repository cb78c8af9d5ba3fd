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
import java.util.Optional;
import java.util.TreeMap;
import javax.sql.DataSource;

/**
 * The staging table: records written once per (topic, partition, offset), then claimed in micro-batches by
 * validation, which reads them in staging order after its cursor and never writes them again (V21). Plain JDBC,
 * because staging is the hot path and needs {@code ON CONFLICT DO NOTHING}.
 */
@ApplicationScoped
public class StagingRepository {

    private static final String UNIQUE_VIOLATION = "23505";

    private static final String COLUMNS = """
            SELECT id, topic, kafka_partition, kafka_offset, record_key, payload::text, raw_payload, parse_error,
                   ingested_at, staged_xact::text AS xact
            FROM staged_record""";
    // Records after the cursor in staging order, below the oldest transaction still running (V21 explains why
    // that bound makes the order final). pg_current_snapshot() is this statement's own snapshot. The transaction id
    // is read out as text under another name: ORDER BY staged_xact would otherwise sort that text.
    private static final String CLAIM = COLUMNS + """
             WHERE topic = ? AND (staged_xact, id) > (?::xid8, ?)
              AND staged_xact < pg_snapshot_xmin(pg_current_snapshot())
            ORDER BY staged_xact, id LIMIT ?""";
    private static final String FIND = COLUMNS + " WHERE id = ANY (?) ORDER BY id";
    private static final String START_CURSOR = """
            INSERT INTO validation_cursor (topic, after_xact, after_id) VALUES (?, '0', 0) ON CONFLICT DO NOTHING""";
    private static final String LOCK_CURSOR = """
            SELECT after_xact::text, after_id FROM validation_cursor WHERE topic = ? FOR UPDATE SKIP LOCKED""";
    private static final String READ_CURSOR = """
            SELECT after_xact::text, after_id FROM validation_cursor WHERE topic = ?""";
    private static final String MARK = """
            WITH moved AS (UPDATE validation_cursor SET after_xact = ?::xid8, after_id = ? WHERE topic = ?)
            UPDATE validation_run SET staged_ids = ? WHERE id = ?""";
    private static final Position START = new Position("0", 0);

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
        try (Connection c = dataSource.getConnection()) {
            Position after = cursor(c, READ_CURSOR, topic).orElse(START);
            try (PreparedStatement s = c.prepareStatement("""
                    SELECT count(*), min(ingested_at) FROM staged_record
                    WHERE topic = ? AND (staged_xact, id) > (?::xid8, ?)""")) {
                s.setString(1, topic);
                after.bind(s, 2);
                try (ResultSet rs = s.executeQuery()) {
                    rs.next();
                    return new Pending(rs.getLong(1), instant(rs.getTimestamp(2)));
                }
            }
        } catch (SQLException e) {
            throw new StagingFailed(e);
        }
    }

    /**
     * The oldest records of a topic not yet validated, with the topic's validation cursor locked until the
     * transaction ends; call inside a transaction. Empty when another transaction holds the cursor.
     */
    public Claim claim(String topic, int limit) {
        try (Connection c = dataSource.getConnection()) {
            Optional<Position> after = cursor(c, LOCK_CURSOR, topic);
            if (after.isEmpty()) {
                // A topic's first claim: its cursor starts before everything. Another transaction's lock does not
                // hold this up (DO NOTHING takes no lock), and then the second attempt finds the cursor taken.
                try (PreparedStatement s = c.prepareStatement(START_CURSOR)) {
                    s.setString(1, topic);
                    s.executeUpdate();
                }
                after = cursor(c, LOCK_CURSOR, topic);
            }
            if (after.isEmpty()) {
                return new Claim(topic, List.of(), null);
            }
            try (PreparedStatement s = c.prepareStatement(CLAIM)) {
                s.setString(1, topic);
                after.get().bind(s, 2);
                s.setInt(4, limit);
                List<StagedRecord> records = new ArrayList<>();
                Position through = null;
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        records.add(record(rs));
                        through = new Position(rs.getString("xact"), rs.getLong(1));
                    }
                }
                return new Claim(topic, records, through);
            }
        } catch (SQLException e) {
            throw new StagingFailed(e);
        }
    }

    private static Optional<Position> cursor(Connection c, String sql, String topic) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, topic);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? Optional.of(new Position(rs.getString(1), rs.getLong(2))) : Optional.empty();
            }
        }
    }

    /** The staged records with these ids, in id order (ids that do not exist are left out). */
    public List<StagedRecord> find(Collection<Long> ids) {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(FIND)) {
            s.setArray(1, c.createArrayOf("bigint", ids.toArray()));
            List<StagedRecord> records = new ArrayList<>();
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    records.add(record(rs));
                }
            }
            return records;
        } catch (SQLException e) {
            throw new StagingFailed(e);
        }
    }

    private static StagedRecord record(ResultSet rs) throws SQLException {
        Payload payload = new Payload(rs.getString(6), rs.getBytes(7), rs.getString(8));
        return new StagedRecord(rs.getLong(1), rs.getString(2), rs.getInt(3), rs.getLong(4), rs.getString(5), payload,
                instant(rs.getTimestamp(9)));
    }

    /**
     * Records a claim as validated by a run: the run keeps the records' ids and the topic's cursor moves past them.
     * Call in the transaction that claimed them.
     */
    public void markValidated(Claim claim, long runId) {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(MARK)) {
            claim.through().bind(s, 1);
            s.setString(3, claim.topic());
            s.setArray(4, c.createArrayOf("bigint", claim.records().stream().map(StagedRecord::id).toArray()));
            s.setLong(5, runId);
            s.executeUpdate();
        } catch (SQLException e) {
            throw new StagingFailed(e);
        }
    }

    /** Everything ever staged from a topic, validated or not. */
    public long stagedCount(String topic) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement("SELECT count(*) FROM staged_record WHERE topic = ?")) {
            s.setString(1, topic);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        } catch (SQLException e) {
            throw new StagingFailed(e);
        }
    }

    /** How much is waiting, and when the oldest of it arrived (null when nothing waits). */
    public record Pending(long count, Instant oldestIngestedAt) {
    }

    /** Claimed records of a topic in staging order, and the position of the last (null when none). */
    public record Claim(String topic, List<StagedRecord> records, Position through) {
    }

    /** A place in a topic's staging order: the staging transaction's id, then the record's id. */
    public record Position(String xact, long id) {
        void bind(PreparedStatement s, int index) throws SQLException {
            s.setString(index, xact);
            s.setLong(index + 1, id);
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
