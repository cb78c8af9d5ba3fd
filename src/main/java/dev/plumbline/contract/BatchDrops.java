package dev.plumbline.contract;

import dev.plumbline.access.AuditLog;
import dev.plumbline.access.Caller;
import dev.plumbline.access.Role;
import dev.plumbline.ingest.IncomingRecord;
import dev.plumbline.ingest.StagingRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import javax.sql.DataSource;

/**
 * Batch drops: a CSV or NDJSON file of records posted for a dataset by an editor of its team, staged under the
 * dataset's topic as Kafka records are (so validation, quarantine and features take them the same way), once: the
 * drop and its records are written in one transaction under a key, and the same key again stages nothing.
 */
@ApplicationScoped
public class BatchDrops {

    /** The most records one drop holds: offsets are drop id × 2^20 + record index. */
    public static final int MAX_RECORDS = 1 << 20;
    /** The partition drops are staged in; Kafka's partitions are never negative. */
    public static final int PARTITION = -1;
    /** A dataset with a drop this recent counts as fed in batches (the 1 h ingestion-lag default). */
    public static final Duration BATCH_FED = Duration.ofDays(7);

    /** What a drop did: its id, how many records it held, how many were staged now (none when repeated). */
    public record Dropped(String dataset, String topic, long drop, int records, int staged, boolean repeated) {
    }

    private final DatasetRegistry datasets;
    private final StagingRepository staging;
    private final DataSource dataSource;
    private final AuditLog audit;

    public BatchDrops(DatasetRegistry datasets, StagingRepository staging, DataSource dataSource, AuditLog audit) {
        this.datasets = datasets;
        this.staging = staging;
        this.dataSource = dataSource;
        this.audit = audit;
    }

    /**
     * Stages a file's records; {@code format} is {@code csv} or {@code ndjson}, {@code key} the client's own
     * idempotency key or null for the file's SHA-256. An NDJSON line that is not JSON is staged as it is and
     * quarantined with its reason; a CSV file that is not CSV is refused whole ({@link IllegalArgumentException}).
     */
    @Transactional
    public Dropped drop(String name, String format, String body, String key, Caller caller, String address) {
        Dataset dataset = datasets.get(name).orElseThrow(() -> new NoSuchElementException("no dataset " + name));
        caller.require(dataset.owningTeam, Role.EDITOR, "drop records into " + name);
        String dropKey = key == null || key.isBlank() ? sha256(body) : key.strip();
        Dropped repeated = existing(dataset, dropKey);
        if (repeated != null) {
            return repeated;
        }
        List<byte[]> records = format.equals("csv")
                ? CsvDropRows.read(body, CsvDropRows.types(datasets.activeContract(dataset.id)
                        .map(ActiveContract::contract).orElse(null)), MAX_RECORDS)
                : ndjson(body);
        if (records.isEmpty()) {
            throw new IllegalArgumentException("the file holds no records");
        }
        Instant now = Instant.now();
        Long drop = insert(dataset.id, dropKey, format, records.size(), caller.username(), now);
        if (drop == null) {
            return existing(dataset, dropKey);
        }
        List<IncomingRecord> incoming = new ArrayList<>(records.size());
        for (int i = 0; i < records.size(); i++) {
            incoming.add(new IncomingRecord(dataset.topic, PARTITION, drop * MAX_RECORDS + i, null, records.get(i)));
        }
        int staged = staging.stage(incoming, now).getOrDefault(dataset.topic, 0);
        audit.record(caller.username(), "dataset.dropped", "dataset", name, Map.of("drop", drop, "format", format,
                "records", records.size(), "key", dropKey), address);
        return new Dropped(name, dataset.topic, drop, records.size(), staged, false);
    }

    /** Whether the dataset had a drop within {@link #BATCH_FED}: it is fed in batches, not streamed. */
    public boolean batchFed(long datasetId, Instant now) {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(
                "SELECT 1 FROM batch_drop WHERE dataset_id = ? AND dropped_at > ? LIMIT 1")) {
            s.setLong(1, datasetId);
            s.setTimestamp(2, Timestamp.from(now.minus(BATCH_FED)));
            try (ResultSet rs = s.executeQuery()) {
                return rs.next();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not read batch drops", e);
        }
    }

    private static List<byte[]> ndjson(String body) {
        List<byte[]> records = new ArrayList<>();
        for (String line : body.split("\r?\n", -1)) {
            if (!line.isBlank()) {
                if (records.size() == MAX_RECORDS) {
                    throw new IllegalArgumentException("the file has more than " + MAX_RECORDS + " records: split "
                            + "it into several drops");
                }
                records.add(line.getBytes(StandardCharsets.UTF_8));
            }
        }
        return records;
    }

    private Dropped existing(Dataset dataset, String key) {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(
                "SELECT id, record_count FROM batch_drop WHERE dataset_id = ? AND drop_key = ?")) {
            s.setLong(1, dataset.id);
            s.setString(2, key);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? new Dropped(dataset.name, dataset.topic, rs.getLong(1), rs.getInt(2), 0, true)
                        : null;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not read batch drops", e);
        }
    }

    // Null when the same drop was recorded meanwhile: a drop sent twice at once waits here for the other to commit.
    private Long insert(long datasetId, String key, String format, int records, String by, Instant at) {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement("""
                INSERT INTO batch_drop (dataset_id, drop_key, format, record_count, dropped_by, dropped_at)
                VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (dataset_id, drop_key) DO NOTHING RETURNING id""")) {
            s.setLong(1, datasetId);
            s.setString(2, key);
            s.setString(3, format);
            s.setInt(4, records);
            s.setString(5, by);
            s.setTimestamp(6, Timestamp.from(at));
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? rs.getLong(1) : null;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not record the drop", e);
        }
    }

    private static String sha256(String body) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(body.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
