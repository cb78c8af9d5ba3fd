package dev.plumbline.monitor.history;

import dev.plumbline.featurestore.FeatureHealth;
import dev.plumbline.validate.BatchValidated;
import dev.plumbline.validate.constraints.PsiConstraint;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import javax.sql.DataSource;
import org.jboss.logging.Logger;

/**
 * Keeps the pipeline's figures as history: each validation run's pass rate (per dataset and contract version),
 * ingestion lag and PSI per column; once a minute, the quarantine depth of every dataset and each feature view's
 * age and serving p99. Runs are collected
 * as they commit and written every few seconds in one transaction, so validation does not wait on the history;
 * a crash loses at most those seconds of history, never a run.
 */
@ApplicationScoped
public class HistoryRecorder {

    public static final String PASS_RATE = "pass_rate";
    public static final String LAG_P50 = "ingestion_lag_p50_seconds";
    public static final String LAG_MAX = "ingestion_lag_max_seconds";
    public static final String PSI = "psi";
    public static final String QUARANTINE_DEPTH = "quarantine_depth";
    public static final String FEATURE_AGE = "feature_age_seconds";
    public static final String SERVING_P99 = "feature_serving_p99_seconds";

    private static final Logger LOG = Logger.getLogger(HistoryRecorder.class);
    private static final String RUNS = """
            SELECT d.name, cv.version, r.finished_at, r.pass_rate, r.record_count, r.lag_p50_ms, r.lag_max_ms
            FROM validation_run r JOIN dataset d ON d.id = r.dataset_id
            JOIN contract_version cv ON cv.id = r.contract_version_id
            WHERE r.id = ANY (?)""";
    private static final String PSI_RESULTS = """
            SELECT d.name, o.column_name, r.finished_at, o.observed_value::text::float8
            FROM rule_result o JOIN validation_run r ON r.id = o.validation_run_id JOIN dataset d ON d.id = r.dataset_id
            WHERE o.validation_run_id = ANY (?) AND o.rule = ? AND jsonb_typeof(o.observed_value) = 'number'""";
    private static final String DEPTHS = """
            SELECT d.name, count(q.id) FROM dataset d
            LEFT JOIN quarantined_record q ON q.dataset_id = d.id AND q.status = 'open' GROUP BY d.name""";

    private final DataSource dataSource;
    private final MetricHistory history;
    private final FeatureHealth features;
    private final ConcurrentLinkedQueue<Long> runs = new ConcurrentLinkedQueue<>();
    private final Clock clock = Clock.systemUTC();
    private volatile boolean stopping;

    public HistoryRecorder(DataSource dataSource, MetricHistory history, FeatureHealth features) {
        this.dataSource = dataSource;
        this.history = history;
        this.features = features;
    }

    void validated(@Observes(during = TransactionPhase.AFTER_SUCCESS) BatchValidated batch) {
        runs.add(batch.run().id);
    }

    void stop(@Observes ShutdownEvent event) {
        flush();
        stopping = true;
    }

    @Scheduled(every = "${plumbline.history.flush-interval:5s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void tick() {
        if (!stopping) {
            flush();
        }
    }

    @Scheduled(cron = "0 * * * * ?", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void sampleEveryMinute() {
        if (stopping) {
            return;
        }
        try {
            Instant now = clock.instant();
            List<Sample> samples = new ArrayList<>(quarantineDepths(now));
            samples.addAll(featureSamples(now));
            history.record(samples);
        } catch (RuntimeException e) {
            LOG.warnf("Quarantine depth and feature health not sampled this minute: %s", e.getMessage());
        }
    }

    @Scheduled(every = "1h", delay = 1, concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void purge() {
        if (!stopping) {
            history.purge(clock.instant());
        }
    }

    /** Writes the samples of the runs collected so far; those of a failed write are kept for the next one. */
    public void flush() {
        List<Long> taken = new ArrayList<>();
        for (Long run; (run = runs.poll()) != null; ) {
            taken.add(run);
        }
        if (taken.isEmpty()) {
            return;
        }
        try {
            history.record(samplesOf(taken));
        } catch (RuntimeException e) {
            runs.addAll(taken);
            LOG.warnf("Metric history is behind by %d runs; retrying: %s", taken.size(), e.getMessage());
        }
    }

    private List<Sample> samplesOf(List<Long> runIds) {
        List<Sample> samples = new ArrayList<>();
        try (Connection c = dataSource.getConnection()) {
            Array ids = c.createArrayOf("bigint", runIds.toArray());
            try (PreparedStatement s = c.prepareStatement(RUNS)) {
                s.setArray(1, ids);
                try (ResultSet row = s.executeQuery()) {
                    while (row.next()) {
                        runSamples(row, samples);
                    }
                }
            }
            try (PreparedStatement s = c.prepareStatement(PSI_RESULTS)) {
                s.setArray(1, ids);
                s.setString(2, PsiConstraint.RULE);
                try (ResultSet row = s.executeQuery()) {
                    while (row.next()) {
                        samples.add(Sample.of(PSI, Map.of("dataset", row.getString(1), "column", row.getString(2)),
                                row.getTimestamp(3).toInstant(), row.getDouble(4)));
                    }
                }
            }
            return samples;
        } catch (SQLException e) {
            throw new IllegalStateException("could not read runs " + runIds + " for the history", e);
        }
    }

    private static void runSamples(ResultSet row, List<Sample> samples) throws SQLException {
        String dataset = row.getString(1);
        Instant at = row.getTimestamp(3).toInstant();
        samples.add(Sample.weighted(PASS_RATE, Map.of("dataset", dataset, "version", row.getString(2)), at,
                row.getDouble(4), row.getInt(5)));
        long p50 = row.getLong(6);
        if (!row.wasNull()) {
            samples.add(Sample.of(LAG_P50, Map.of("dataset", dataset), at, p50 / 1000.0));
            samples.add(Sample.of(LAG_MAX, Map.of("dataset", dataset), at, row.getLong(7) / 1000.0));
        }
    }

    // Each view's age against its SLA, and this replica's serving p99 where it served the view.
    private List<Sample> featureSamples(Instant now) {
        List<Sample> samples = new ArrayList<>();
        for (FeatureHealth.ViewHealth view : features.all()) {
            Map<String, String> labels = Map.of("view", view.version().viewName(),
                    "dataset", view.version().definition().source());
            if (view.age(now) != null) {
                samples.add(Sample.of(FEATURE_AGE, labels, now, view.age(now).toMillis() / 1000.0));
            }
            if (view.servingP99() != null) {
                samples.add(Sample.of(SERVING_P99, labels, now, view.servingP99().toNanos() / 1e9));
            }
        }
        return samples;
    }

    private List<Sample> quarantineDepths(Instant now) {
        List<Sample> samples = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(DEPTHS);
                ResultSet row = s.executeQuery()) {
            while (row.next()) {
                samples.add(Sample.of(QUARANTINE_DEPTH, Map.of("dataset", row.getString(1)), now, row.getLong(2)));
            }
            return samples;
        } catch (SQLException e) {
            throw new IllegalStateException("could not count the quarantine", e);
        }
    }
}
