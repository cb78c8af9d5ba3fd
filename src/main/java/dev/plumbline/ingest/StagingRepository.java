package dev.plumbline.ingest;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
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

    private static final String INSERT = """
            INSERT INTO staged_record (topic, kafka_partition, kafka_offset, record_key, payload, raw_payload,
                                       parse_error, ingested_at)
            VALUES (?, ?, ?, ?, ?::jsonb, ?, ?, ?)
            ON CONFLICT (topic, kafka_partition, kafka_offset) DO NOTHING""";
    private static final String CLAIM = """
            SELECT id, topic, kafka_partition, kafka_offset, record_key, payload::text, raw_payload, parse_error,
                   ingested_at
            FROM staged_record WHERE topic = ? AND validation_run_id IS NULL
            ORDER BY id LIMIT ? FOR UPDATE SKIP LOCKED""";

    private final DataSource dataSource;

    public StagingRepository(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Stages the records in one transaction and returns how many were new per topic. */
    @Transactional
    public Map<String, Integer> stage(List<IncomingRecord> records, Instant ingestedAt) {
        Map<String, Integer> added = new TreeMap<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement insert = c.prepareStatement(INSERT)) {
            for (IncomingRecord r : records) {
                Payload payload = Payload.read(r.value());
                insert.setString(1, r.topic());
                insert.setInt(2, r.partition());
                insert.setLong(3, r.offset());
                insert.setString(4, r.key());
                insert.setString(5, payload.json());
                insert.setBytes(6, payload.raw());
                insert.setString(7, payload.parseError());
                insert.setTimestamp(8, Timestamp.from(ingestedAt));
                insert.addBatch();
            }
            int[] counts = insert.executeBatch();
            for (int i = 0; i < counts.length; i++) {
                added.merge(records.get(i).topic(), counts[i] > 0 ? 1 : 0, Integer::sum);
            }
            return added;
        } catch (SQLException e) {
            throw new StagingFailed(e);
        }
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
            List<StagedRecord> claimed = new ArrayList<>();
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    Payload payload = new Payload(rs.getString(6), rs.getBytes(7), rs.getString(8));
                    claimed.add(new StagedRecord(rs.getLong(1), rs.getString(2), rs.getInt(3), rs.getLong(4),
                            rs.getString(5), payload, instant(rs.getTimestamp(9))));
                }
            }
            return claimed;
        } catch (SQLException e) {
            throw new StagingFailed(e);
        }
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

    private interface Row<T> {
        T read(ResultSet rs) throws SQLException;
    }

    private <T> T queryOne(String sql, String topic, Row<T> row) {
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
