package dev.plumbline.validate.freshness;

import dev.plumbline.contract.ActiveContract;
import dev.plumbline.contract.DatasetRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * How long each dataset has gone without a new record, against the {@code freshness} SLA of its active contract.
 * The newest record is the newer of the latest validation run's newest and the last record in staging order (that of
 * the latest staging transaction, validated or not), both read through indexes, so the query stays cheap however
 * large staging grows.
 */
@ApplicationScoped
public class DatasetStaleness {

    private static final String NEWEST = """
            SELECT d.name, greatest(r.newest, p.newest)
            FROM dataset d
            LEFT JOIN LATERAL (SELECT newest_ingested_at AS newest FROM validation_run
                               WHERE dataset_id = d.id ORDER BY id DESC LIMIT 1) r ON true
            LEFT JOIN LATERAL (SELECT ingested_at AS newest FROM staged_record
                               WHERE topic = d.topic AND staged_xact IS NOT NULL
                               ORDER BY staged_xact DESC, id DESC LIMIT 1) p ON true
            WHERE d.name = ANY (?)""";

    private final DataSource dataSource;
    private final DatasetRegistry registry;

    public DatasetStaleness(DataSource dataSource, DatasetRegistry registry) {
        this.dataSource = dataSource;
        this.registry = registry;
    }

    /** One dataset's freshness: when its newest record arrived (null: none yet) and its SLA (null: none). */
    public record Staleness(String dataset, Instant newestRecordAt, Duration sla) {

        public Duration age(Instant now) {
            return newestRecordAt == null ? null : Duration.between(newestRecordAt, now);
        }

        /** Whether the dataset has gone without a new record for longer than its SLA. */
        public boolean stale(Instant now) {
            return sla != null && newestRecordAt != null && age(now).compareTo(sla) > 0;
        }
    }

    /** Every registered dataset's freshness, by name. */
    public Map<String, Staleness> all() {
        Map<String, Duration> slas = new HashMap<>();
        for (ActiveContract contract : registry.activeContracts()) {
            slas.put(contract.datasetName(), ServiceLevels.read(contract.contract(), new ArrayList<>()).freshness());
        }
        Map<String, Staleness> all = new HashMap<>();
        newest(registry.list().stream().map(d -> d.name).toList())
                .forEach((name, newest) -> all.put(name, new Staleness(name, newest, slas.get(name))));
        return all;
    }

    /** Seconds since the dataset's newest record arrived; NaN before its first record. */
    public double ageSeconds(String dataset, Instant now) {
        return Optional.ofNullable(newest(List.of(dataset)).get(dataset))
                .map(newest -> Duration.between(newest, now).toMillis() / 1000.0).orElse(Double.NaN);
    }

    private Map<String, Instant> newest(List<String> datasets) {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(NEWEST)) {
            s.setArray(1, c.createArrayOf("text", datasets.toArray()));
            Map<String, Instant> newest = new HashMap<>();
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    Timestamp at = rs.getTimestamp(2);
                    newest.put(rs.getString(1), at == null ? null : at.toInstant());
                }
            }
            return newest;
        } catch (SQLException e) {
            throw new IllegalStateException("could not read the newest records of " + datasets, e);
        }
    }
}
