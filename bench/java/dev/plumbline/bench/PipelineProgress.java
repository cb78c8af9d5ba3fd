package dev.plumbline.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * What Plumbline has done with a dataset, read from its database: records validated so far, and how long
 * records took from publishing (their event time) to the end of the validation run that judged them.
 */
final class PipelineProgress implements AutoCloseable {

    private static final String VALIDATED = """
            SELECT coalesce(sum(r.record_count), 0), count(*) FROM validation_run r
            JOIN dataset d ON d.id = r.dataset_id WHERE d.name = ?""";
    private static final String LATENCY = """
            SELECT count(*),
                   percentile_disc(ARRAY[0.5, 0.99, 1.0]) WITHIN GROUP (ORDER BY extract(epoch FROM
                       r.finished_at - (s.payload->>'event_time')::timestamptz))
            FROM validation_run r CROSS JOIN unnest(r.staged_ids) AS u (staged_record_id)
            JOIN staged_record s ON s.id = u.staged_record_id
            WHERE s.topic = ? AND s.id > ? AND s.payload IS NOT NULL""";

    private final Connection db;
    private final String dataset;

    PipelineProgress(String jdbcUrl, String user, String password, String dataset) throws SQLException {
        this.db = DriverManager.getConnection(jdbcUrl, user, password);
        this.dataset = dataset;
    }

    /** Records of the dataset counted by validation runs so far. */
    long validated() throws SQLException {
        try (PreparedStatement s = db.prepareStatement(VALIDATED)) {
            s.setString(1, dataset);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    /** The newest staged record's id: records staged later have greater ids. */
    long lastStagedId() throws SQLException {
        try (PreparedStatement s = db.prepareStatement("SELECT coalesce(max(id), 0) FROM staged_record");
                ResultSet rs = s.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** Publish-to-validation times of the readable records of a topic staged after {@code afterId}. */
    Latency latency(String topic, long afterId) throws SQLException {
        try (PreparedStatement s = db.prepareStatement(LATENCY)) {
            s.setString(1, topic);
            s.setLong(2, afterId);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                if (rs.getLong(1) == 0) {
                    return new Latency(0, Double.NaN, Double.NaN, Double.NaN);
                }
                Object[] seconds = (Object[]) rs.getArray(2).getArray();
                return new Latency(rs.getLong(1), number(seconds[0]), number(seconds[1]), number(seconds[2]));
            }
        }
    }

    private static double number(Object value) {
        return value == null ? Double.NaN : ((Number) value).doubleValue();
    }

    /** How many records were measured, and the median, 99th percentile and worst of their times in seconds. */
    record Latency(long records, double p50, double p99, double max) {
    }

    @Override
    public void close() throws SQLException {
        db.close();
    }
}
