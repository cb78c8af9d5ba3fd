package dev.plumbline.monitor.history;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import javax.sql.DataSource;

/**
 * The metric history in PostgreSQL (after Deequ's MetricsRepository and Prometheus' recording rules): samples
 * are merged into minute, hour and day buckets as they are written, reads pick the finest resolution that covers
 * the range in at most {@value Resolution#MAX_POINTS} points, and each resolution is purged after its retention.
 */
@ApplicationScoped
public class MetricHistory {

    private static final String SERIES = """
            INSERT INTO metric_series (metric, labels) VALUES (?, ?::jsonb)
            ON CONFLICT (metric, labels) DO UPDATE SET metric = EXCLUDED.metric RETURNING id""";
    private static final String MERGE = """
            INSERT INTO metric_point AS p (series_id, resolution, bucket, weight, total, low, high)
            VALUES (?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT (series_id, resolution, bucket) DO UPDATE SET weight = p.weight + EXCLUDED.weight,
                total = p.total + EXCLUDED.total, low = least(p.low, EXCLUDED.low),
                high = greatest(p.high, EXCLUDED.high)""";
    private static final String READ = """
            SELECT s.labels::text, p.bucket, p.total / p.weight, p.low, p.high
            FROM metric_series s JOIN metric_point p ON p.series_id = s.id
            WHERE s.metric = ? AND s.labels @> ?::jsonb AND p.resolution = ? AND p.bucket >= ? AND p.bucket < ?
            ORDER BY s.labels::text, p.bucket""";
    private static final String PURGE = "DELETE FROM metric_point WHERE resolution = ? AND bucket < ?";

    private final DataSource dataSource;
    private final HistoryConfig config;
    private final ObjectMapper json = new ObjectMapper();
    private final Map<String, Long> seriesIds = new ConcurrentHashMap<>();

    public MetricHistory(DataSource dataSource, HistoryConfig config) {
        this.dataSource = dataSource;
        this.config = config;
    }

    /** Merges the samples into every resolution's buckets, in one transaction. */
    @Transactional
    public void record(Collection<Sample> samples) {
        Map<BucketKey, Bucket> buckets = new LinkedHashMap<>();
        for (Sample sample : samples) {
            for (Resolution resolution : Resolution.values()) {
                buckets.computeIfAbsent(new BucketKey(sample.metric(), labelsJson(sample.labels()), resolution,
                        resolution.bucket(sample.at())), k -> new Bucket()).add(sample);
            }
        }
        try (Connection c = dataSource.getConnection(); PreparedStatement merge = c.prepareStatement(MERGE)) {
            for (Map.Entry<BucketKey, Bucket> entry : buckets.entrySet()) {
                BucketKey key = entry.getKey();
                Bucket bucket = entry.getValue();
                merge.setLong(1, seriesId(c, key.metric(), key.labels()));
                merge.setInt(2, key.resolution().seconds());
                merge.setTimestamp(3, Timestamp.from(key.bucket()));
                merge.setDouble(4, bucket.weight);
                merge.setDouble(5, bucket.total);
                merge.setDouble(6, bucket.low);
                merge.setDouble(7, bucket.high);
                merge.addBatch();
            }
            merge.executeBatch();
        } catch (SQLException e) {
            seriesIds.clear(); // a series inserted by this rolled-back transaction does not exist
            throw new IllegalStateException("could not record " + samples.size() + " metric samples", e);
        }
    }

    /** Every series of the metric whose labels include {@code labels}, over [from, to). */
    public List<Series> read(String metric, Map<String, String> labels, Instant from, Instant to, Instant now) {
        Resolution resolution = Resolution.forRange(from, to, now, config);
        Map<String, List<Series.Point>> points = new LinkedHashMap<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement read = c.prepareStatement(READ)) {
            read.setString(1, metric);
            read.setString(2, labelsJson(new TreeMap<>(labels)));
            read.setInt(3, resolution.seconds());
            read.setTimestamp(4, Timestamp.from(resolution.bucket(from)));
            read.setTimestamp(5, Timestamp.from(to));
            try (ResultSet rows = read.executeQuery()) {
                while (rows.next()) {
                    points.computeIfAbsent(rows.getString(1), k -> new ArrayList<>()).add(new Series.Point(
                            rows.getTimestamp(2).toInstant(), rows.getDouble(3), rows.getDouble(4), rows.getDouble(5)));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not read the history of " + metric, e);
        }
        List<Series> series = new ArrayList<>();
        points.forEach((labelText, list) -> series.add(new Series(metric, parseLabels(labelText), resolution, list)));
        return series;
    }

    /** Deletes each resolution's buckets older than its retention; returns how many. */
    @Transactional
    public int purge(Instant now) {
        int purged = 0;
        try (Connection c = dataSource.getConnection(); PreparedStatement purge = c.prepareStatement(PURGE)) {
            for (Resolution resolution : Resolution.values()) {
                purge.setInt(1, resolution.seconds());
                purge.setTimestamp(2, Timestamp.from(now.minus(config.retention(resolution))));
                purged += purge.executeUpdate();
            }
            return purged;
        } catch (SQLException e) {
            throw new IllegalStateException("could not purge the metric history", e);
        }
    }

    private long seriesId(Connection c, String metric, String labels) throws SQLException {
        String key = metric + labels;
        Long known = seriesIds.get(key);
        if (known != null) {
            return known;
        }
        try (PreparedStatement insert = c.prepareStatement(SERIES)) {
            insert.setString(1, metric);
            insert.setString(2, labels);
            try (ResultSet row = insert.executeQuery()) {
                row.next();
                long id = row.getLong(1);
                seriesIds.put(key, id);
                return id;
            }
        }
    }

    private String labelsJson(SortedMap<String, String> labels) {
        try {
            return json.writeValueAsString(labels);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }

    private Map<String, String> parseLabels(String text) {
        try {
            return json.readValue(text, new TypeReference<TreeMap<String, String>>() { });
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unreadable labels " + text, e);
        }
    }

    private record BucketKey(String metric, String labels, Resolution resolution, Instant bucket) {
    }

    /** The samples of one bucket, merged. */
    private static final class Bucket {
        double weight;
        double total;
        double low = Double.POSITIVE_INFINITY;
        double high = Double.NEGATIVE_INFINITY;

        void add(Sample sample) {
            weight += sample.weight();
            total += sample.value() * sample.weight();
            low = Math.min(low, sample.value());
            high = Math.max(high, sample.value());
        }
    }
}
