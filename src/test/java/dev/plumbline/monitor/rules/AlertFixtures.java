package dev.plumbline.monitor.rules;

import dev.plumbline.PipelineFixtures;
import dev.plumbline.contract.ContractVersion;
import dev.plumbline.contract.DatasetRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.atomic.AtomicReference;
import javax.sql.DataSource;

/**
 * Builders for the alert tests: a fresh dataset of a given team with validation runs written straight into
 * the database, and a clock that only moves forward, shared by every alert test of the run.
 */
public final class AlertFixtures {

    /** A team whose datasets are critical sources in the test configuration. */
    public static final String CRITICAL_TEAM = "alerting-team";
    /** A team whose PSI threshold is 0.5 in the test configuration. */
    public static final String LENIENT_TEAM = "lenient-team";

    private static final AtomicReference<Instant> CLOCK = new AtomicReference<>(Instant.now());

    private AlertFixtures() {
    }

    /** An instant after every one handed out before, and after the wall clock, in whole milliseconds. */
    public static Instant later(Duration step) {
        return CLOCK.updateAndGet(last -> (last.isAfter(Instant.now()) ? last : Instant.now()).plus(step)
                .truncatedTo(ChronoUnit.MILLIS));
    }

    /** A dataset of its own, with the test orders contract active. */
    public record TestDataset(String name, long id, long contractVersionId) {
    }

    public static TestDataset dataset(DatasetRegistry registry, String team) {
        return dataset(registry, team, "");
    }

    /** A dataset whose contract gives its own alert thresholds: the YAML lines of {@code alertThresholds}. */
    public static TestDataset dataset(DatasetRegistry registry, String team, String thresholds) {
        String name = PipelineFixtures.freshDatasetName("alerts");
        String contract = PipelineFixtures.resource("fixtures/pipeline/orders.odcs.yaml");
        if (!thresholds.isEmpty()) {
            contract = contract.replace("customProperties:\n",
                    "customProperties:\n  - property: alertThresholds\n    value:\n" + thresholds);
        }
        String yaml = contract;
        return QuarkusTransaction.requiringNew().call(() -> {
            long id = registry.apply(name, name, team).id;
            ContractVersion version = registry.activateFirstContract(name, yaml, "alice");
            return new TestDataset(name, id, version.id);
        });
    }

    /** Writes a validation run that finished at {@code at}; returns its id. */
    public static long run(DataSource dataSource, TestDataset dataset, Instant at, int records, int passed,
            Long lagP50Ms, Instant newestIngestedAt) {
        String sql = """
                INSERT INTO validation_run (dataset_id, contract_version_id, started_at, finished_at, record_count,
                    passed_count, quarantined_count, pass_rate, lag_p50_ms, lag_max_ms, success, newest_ingested_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id""";
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            s.setLong(1, dataset.id());
            s.setLong(2, dataset.contractVersionId());
            s.setTimestamp(3, Timestamp.from(at.minusMillis(50)));
            s.setTimestamp(4, Timestamp.from(at));
            s.setInt(5, records);
            s.setInt(6, passed);
            s.setInt(7, records - passed);
            s.setDouble(8, records == 0 ? 1 : (double) passed / records);
            s.setObject(9, lagP50Ms);
            s.setObject(10, lagP50Ms);
            s.setBoolean(11, passed == records);
            s.setTimestamp(12, Timestamp.from(newestIngestedAt));
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A healthy run of 100 records, all passing, ingested a second after they happened. */
    public static long healthyRun(DataSource dataSource, TestDataset dataset, Instant at) {
        return run(dataSource, dataset, at, 100, 100, 1000L, at);
    }

    /** Records the PSI rule's outcome for a column in a run as the rule records it: in words and as a value. */
    public static void psi(DataSource dataSource, long runId, String column, double psi, double threshold) {
        String sql = "INSERT INTO rule_result (validation_run_id, rule, column_name, evaluated, unexpected, success,"
                + " observed, observed_value) VALUES (?, 'expect_column_psi_to_be_less_than', ?, 500, 0, ?, ?, ?::jsonb)";
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            s.setLong(1, runId);
            s.setString(2, column);
            s.setBoolean(3, psi <= threshold);
            s.setString(4, "PSI " + psi + " over 500 values, expected at most " + threshold);
            s.setString(5, Double.toString(psi));
            s.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Records a drift measure's outcome (JS or KS) for a column in a run, as its rule records it. */
    public static void measure(DataSource dataSource, long runId, String rule, String label, String column,
            double value, double threshold) {
        String sql = "INSERT INTO rule_result (validation_run_id, rule, column_name, evaluated, unexpected, success,"
                + " observed, observed_value) VALUES (?, ?, ?, 500, 0, ?, ?, ?::jsonb)";
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            s.setLong(1, runId);
            s.setString(2, rule);
            s.setString(3, column);
            s.setBoolean(4, value <= threshold);
            s.setString(5, label + " " + value + " over 500 values, expected at most " + threshold);
            s.setString(6, Double.toString(value));
            s.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Records a failed unit watch on a column in a run: its words and its observed factor. */
    public static void unitChange(DataSource dataSource, long runId, String column, String words, double factor) {
        String sql = "INSERT INTO rule_result (validation_run_id, rule, column_name, evaluated, unexpected, success,"
                + " observed, observed_value) VALUES (?, 'expect_column_unit_to_be_unchanged', ?, 5000, 1, false, ?,"
                + " jsonb_build_object('factor', ?::float8))";
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            s.setLong(1, runId);
            s.setString(2, column);
            s.setString(3, words);
            s.setDouble(4, factor);
            s.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
