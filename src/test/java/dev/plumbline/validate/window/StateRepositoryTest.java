package dev.plumbline.validate.window;

import static org.assertj.core.api.Assertions.assertThat;

import dev.plumbline.EmbeddedStackResource;
import dev.plumbline.contract.DatasetRegistry;
import dev.plumbline.ingest.StagingRepository;
import dev.plumbline.validate.HistoryFixtures;
import dev.plumbline.validate.analyzers.AnalyzerStates;
import dev.plumbline.validate.analyzers.Sum;
import dev.plumbline.validate.analyzers.SumState;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * Windows of a duration read a series' states once each and then only the states stored since; what they merge
 * must still be exactly the states the database holds in the window.
 */
@QuarkusTest
@WithTestResource(EmbeddedStackResource.class)
class StateRepositoryTest {

    private static final Sum SUM = new Sum("amount");
    private static final Window TEN_MINUTES = new Window(Duration.ofMinutes(10), null);
    private static final Instant T = Instant.parse("2026-12-01T12:00:00Z");

    @Inject
    DatasetRegistry registry;
    @Inject
    StagingRepository staging;
    @Inject
    DataSource dataSource;
    @Inject
    StateRepository states;

    @Test
    void aWindowOfADurationHoldsExactlyTheStatesComputedInItAsTheyAreStoredAndAge() throws SQLException {
        long dataset = dataset();
        save(dataset, T.minusSeconds(900), 1);          // before any window below
        save(dataset, T.minusSeconds(300), 10);
        save(dataset, T.minusSeconds(60), 100);
        assertThat(window(dataset, T)).isEqualTo("110 over 2");

        save(dataset, T.plusSeconds(30), 1_000);        // stored since the first read
        save(dataset, T.minusSeconds(1_200), 10_000);   // stored since, but computed long before the window
        assertThat(window(dataset, T.plusSeconds(60))).isEqualTo("1110 over 3");

        // the window moves on: the state of T-300 s falls out of it, later ones stay
        assertThat(window(dataset, T.plusSeconds(301))).isEqualTo("1100 over 2");
        save(dataset, T.plusSeconds(400), 100_000);
        assertThat(window(dataset, T.plusSeconds(500))).isEqualTo("101100 over 3");
        // a state computed after the window's end is not in it
        save(dataset, T.plusSeconds(2_000), 1_000_000);
        assertThat(window(dataset, T.plusSeconds(600))).isEqualTo("101000 over 2");

        // reaching back further than the states held reads the window again, with the state of T-300 s forgotten
        assertThat(window(dataset, T)).isEqualTo("110 over 2");
    }

    @Test
    void aSeriesWithAnOldHistoryAndNothingInTheWindowFindsWhatIsStoredLater() throws SQLException {
        long dataset = dataset();
        save(dataset, T.minus(Duration.ofDays(2)), 7);
        assertThat(window(dataset, T)).isEqualTo("none");
        save(dataset, T.plusSeconds(1), 5);
        assertThat(window(dataset, T.plusSeconds(2))).isEqualTo("5 over 1");
    }

    private String window(long dataset, Instant now) {
        WindowStates merged = states.window(dataset, SUM, TEN_MINUTES, now);
        return merged.batches() == 0 ? "none"
                : merged.states().metric(SUM).value().stripTrailingZeros().toPlainString() + " over "
                        + merged.batches();
    }

    private void save(long dataset, Instant computedAt, long amount) throws SQLException {
        states.save(dataset, run(dataset), computedAt,
                AnalyzerStates.of(SUM, new SumState(BigDecimal.valueOf(amount), 1, 0)));
    }

    private long dataset() throws SQLException {
        String name = new HistoryFixtures(registry, staging, dataSource).register("states",
                HistoryFixtures.contract("windowed", ""));
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT id FROM dataset WHERE name = '" + name + "'")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private long run(long dataset) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement("""
                INSERT INTO validation_run (dataset_id, contract_version_id, started_at, finished_at, record_count,
                                            passed_count, quarantined_count, pass_rate, success)
                SELECT ?, id, now(), now(), 1, 1, 0, 1, true FROM contract_version WHERE dataset_id = ?
                RETURNING id""")) {
            s.setLong(1, dataset);
            s.setLong(2, dataset);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }
}
