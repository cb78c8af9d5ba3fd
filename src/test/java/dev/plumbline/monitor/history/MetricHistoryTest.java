package dev.plumbline.monitor.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.plumbline.EmbeddedStackResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/** Samples merged into minute, hour and day buckets in PostgreSQL, read back at the resolution a range needs. */
@QuarkusTest
@WithTestResource(EmbeddedStackResource.class)
class MetricHistoryTest {

    static final Instant NOW = Instant.parse("2026-11-24T12:00:00Z");

    @Inject
    MetricHistory history;
    @Inject
    DataSource dataSource;

    @Test
    void aBucketsMeanIsWeightedSoPassRateIsTheShareOfRecordsThatPassed() {
        String dataset = fresh();
        history.record(List.of(
                Sample.weighted("pass_rate", Map.of("dataset", dataset), NOW.minusSeconds(50), 0.0, 10),
                Sample.weighted("pass_rate", Map.of("dataset", dataset), NOW.minusSeconds(40), 1.0, 990)));
        history.record(List.of(
                Sample.weighted("pass_rate", Map.of("dataset", dataset), NOW.minusSeconds(30), 0.5, 1000)));

        List<Series> series = history.read("pass_rate", Map.of("dataset", dataset), NOW.minus(Duration.ofHours(1)),
                NOW, NOW);
        assertThat(series).hasSize(1);
        assertThat(series.get(0).resolution()).isEqualTo(Resolution.MINUTE);
        Series.Point point = series.get(0).points().get(0);
        assertThat(point.bucket()).isEqualTo(Instant.parse("2026-11-24T11:59:00Z"));
        assertThat(point.mean()).isCloseTo((990 + 500) / 2000.0, within(1e-12));
        assertThat(point.low()).isZero();
        assertThat(point.high()).isEqualTo(1.0);
    }

    @Test
    void longRangesReadCoarserBucketsAndOneSeriesPerLabelSet() {
        String dataset = fresh();
        for (int day = 0; day < 40; day++) {
            Instant at = NOW.minus(Duration.ofDays(day));
            history.record(List.of(Sample.of("psi", Map.of("dataset", dataset, "column", "amount"), at, day / 100.0),
                    Sample.of("psi", Map.of("dataset", dataset, "column", "currency"), at, 0.01)));
        }
        Instant now = Instant.now();
        List<Series> lastHours = history.read("psi", Map.of("dataset", dataset), now.minus(Duration.ofHours(6)),
                now, now);
        List<Series> lastYear = history.read("psi", Map.of("dataset", dataset), NOW.minus(Duration.ofDays(365)),
                NOW, NOW.plus(Duration.ofDays(1)));

        assertThat(lastYear).extracting(s -> s.labels().get("column")).containsExactly("amount", "currency");
        assertThat(lastYear.get(0).resolution()).isEqualTo(Resolution.DAY);
        assertThat(lastYear.get(0).points()).hasSize(40);
        assertThat(lastYear.get(0).high().getAsDouble()).isEqualTo(0.39);
        assertThat(history.read("psi", Map.of("dataset", dataset, "column", "amount"),
                NOW.minus(Duration.ofDays(30)), NOW, NOW.plus(Duration.ofDays(1))))
                .singleElement().satisfies(s -> assertThat(s.resolution()).isEqualTo(Resolution.HOUR));
        assertThat(lastHours).as("these samples are far older than six hours").isEmpty();
    }

    @Test
    void purgingDropsEachResolutionAfterItsOwnRetention() throws SQLException {
        String dataset = fresh();
        Instant old = Instant.now().minus(Duration.ofDays(10));
        history.record(List.of(Sample.of("quarantine_depth", Map.of("dataset", dataset), old, 3)));
        assertThat(pointsByResolution(dataset)).containsExactly(60, 3600, 86400);

        history.purge(Instant.now());

        assertThat(pointsByResolution(dataset)).as("minutes are kept 7 days, hours 90, days 800")
                .containsExactly(3600, 86400);
        Instant now = Instant.now();
        assertThat(history.read("quarantine_depth", Map.of("dataset", dataset), old.minus(Duration.ofHours(1)), now,
                now)).singleElement().satisfies(s -> {
                    assertThat(s.resolution()).isEqualTo(Resolution.HOUR);
                    assertThat(s.points()).singleElement().satisfies(p -> assertThat(p.mean()).isEqualTo(3.0));
                });
    }

    private List<Integer> pointsByResolution(String dataset) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement("""
                SELECT p.resolution FROM metric_point p JOIN metric_series m ON m.id = p.series_id
                WHERE m.labels ->> 'dataset' = ? ORDER BY p.resolution""")) {
            s.setString(1, dataset);
            List<Integer> resolutions = new ArrayList<>();
            try (ResultSet rows = s.executeQuery()) {
                while (rows.next()) {
                    resolutions.add(rows.getInt(1));
                }
            }
            return resolutions;
        }
    }

    private static String fresh() {
        return "history-" + UUID.randomUUID().toString().substring(0, 8);
    }
}
