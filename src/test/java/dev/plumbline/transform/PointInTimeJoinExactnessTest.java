package dev.plumbline.transform;

import static org.assertj.core.api.Assertions.assertThat;

import dev.plumbline.EmbeddedStackResource;
import dev.plumbline.PipelineFixtures;
import dev.plumbline.contract.DatasetRegistry;
import dev.plumbline.featurestore.FeatureRegistry;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * The training-set join against a brute-force reference, row for row: on a generated history with late,
 * out-of-order, quarantined, discarded and released events, every label row's every feature equals the
 * aggregation of exactly the events with {@code T − window ≤ event_time < T} and {@code known_at < T}, including
 * labels placed exactly on an event's event time, its known-at, one microsecond after, its window's end, between
 * two microseconds, and before any event; and the same rows when two connections read the table's halves.
 */
@QuarkusTest
@WithTestResource(EmbeddedStackResource.class)
class PointInTimeJoinExactnessTest {

    @Inject
    DatasetRegistry datasets;
    @Inject
    FeatureRegistry registry;
    @Inject
    Materializer materializer;
    @Inject
    FeatureValues values;
    @Inject
    DataSource dataSource;

    @Test
    void everyLabelRowGetsExactlyTheEventsKnownStrictlyBeforeItsLabelTime() throws Exception {
        String dataset = PipelineFixtures.freshDatasetName("pit");
        PipelineFixtures.registerOrders(datasets, dataset);
        var active = datasets.activeContract(datasets.get(dataset).orElseThrow().id).orElseThrow();
        Instant base = Instant.now().minus(14, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
        List<GeneratedHistory.Event> events = GeneratedHistory.write(dataSource, active.datasetId(),
                active.versionId(), dataset, base, 1200, 23);
        FeatureViewVersion version = registry.apply(FeatureExactnessTest.view("pit_" + dataset.substring(4),
                dataset), FeatureExactnessTest.ADMIN, "127.0.0.1").version();
        while (materializer.materializeAll() > 0) {
            // until every run and release is materialized
        }
        List<PointInTimeJoin.Label> labels = labels(events, base);

        PointInTimeJoin.Joined joined;
        PointInTimeJoin.Joined inHalves;
        try (Connection c = dataSource.getConnection(); Connection second = dataSource.getConnection()) {
            joined = PointInTimeJoin.join(c, version, labels);
            inHalves = PointInTimeJoin.join(c, second, version, labels);
        }
        // Two connections reading the table's halves in one snapshot see the same events, summed in the same order.
        assertThat(inHalves.values()).isDeepEqualTo(joined.values());
        assertThat(inHalves.newestEventTime()).containsExactly(joined.newestEventTime());
        assertThat(inHalves.newestKnownAt()).containsExactly(joined.newestKnownAt());

        int compared = 0;
        for (int row = 0; row < labels.size(); row++) {
            PointInTimeJoin.Label label = labels.get(row);
            List<FeatureSpec> features = version.definition().features();
            for (int k = 0; k < features.size(); k++) {
                FeatureSpec feature = features.get(k);
                FeatureExactnessTest.assertSame(feature, label.entity(), label.time(), joined.values()[row][k],
                        reference(events, label, feature));
                compared++;
            }
            List<GeneratedHistory.Event> used = known(events, label, 3 * 86_400);
            assertThat(joined.newestKnownAt()[row]).as("newest known-at of row %d", row)
                    .isEqualTo(used.stream().map(GeneratedHistory.Event::knownAt).max(Comparator.naturalOrder())
                            .orElse(null));
        }
        assertThat(compared).isGreaterThan(5000);

        // The same rows through the tiles, as of the microsecond just before each label: no training/serving skew.
        for (int row = 0; row < labels.size(); row += 7) {
            PointInTimeJoin.Label label = labels.get(row);
            Instant justBefore = label.time().plusNanos(999).truncatedTo(ChronoUnit.MICROS).minusNanos(1000);
            FeatureVector online = values.valuesAt(version, label.entity(), justBefore);
            for (int k = 0; k < version.definition().features().size(); k++) {
                FeatureSpec feature = version.definition().features().get(k);
                FeatureExactnessTest.assertSame(feature, label.entity(), label.time(), joined.values()[row][k],
                        online.values().get(feature.name()) instanceof com.fasterxml.jackson.databind.JsonNode n
                                ? n.asText() : online.values().get(feature.name()));
            }
        }
    }

    /** Random instants, and instants on the edges of the rule: each label's entity is random, one unknown. */
    private static List<PointInTimeJoin.Label> labels(List<GeneratedHistory.Event> events, Instant base) {
        Random random = new Random(5);
        List<String> entities = new ArrayList<>(GeneratedHistory.ENTITIES);
        entities.add("never-seen");
        List<PointInTimeJoin.Label> labels = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            Instant at = base.plusSeconds(random.nextInt(14 * 86_400)).plusMillis(random.nextInt(1000));
            labels.add(new PointInTimeJoin.Label(entities.get(random.nextInt(entities.size())), at));
        }
        for (int i = 0; i < 80; i++) {
            GeneratedHistory.Event e = events.get(random.nextInt(events.size()));
            labels.add(new PointInTimeJoin.Label(e.entity(), e.eventTime()));
            labels.add(new PointInTimeJoin.Label(e.entity(), e.eventTime().plusNanos(1000)));
            labels.add(new PointInTimeJoin.Label(e.entity(), e.eventTime().plus(6, ChronoUnit.HOURS)));
            labels.add(new PointInTimeJoin.Label(e.entity(), e.eventTime().plus(6, ChronoUnit.HOURS).plusNanos(1000)));
            if (e.knownAt() != null) {
                labels.add(new PointInTimeJoin.Label(e.entity(), e.knownAt()));
                labels.add(new PointInTimeJoin.Label(e.entity(), e.knownAt().plusNanos(1000)));
            }
        }
        // Between two microseconds: a label just after an event or its arrival, a window edge just either side.
        for (int i = 0; i < 20; i++) {
            GeneratedHistory.Event e = events.get(random.nextInt(events.size()));
            labels.add(new PointInTimeJoin.Label(e.entity(), e.eventTime().plusNanos(1)));
            labels.add(new PointInTimeJoin.Label(e.entity(), e.eventTime().plus(3, ChronoUnit.DAYS).minusNanos(1)));
            labels.add(new PointInTimeJoin.Label(e.entity(), e.eventTime().plus(3, ChronoUnit.DAYS).plusNanos(1)));
            if (e.knownAt() != null) {
                labels.add(new PointInTimeJoin.Label(e.entity(), e.knownAt().minusNanos(1)));
                labels.add(new PointInTimeJoin.Label(e.entity(), e.knownAt().plusNanos(1)));
            }
        }
        // Empty windows: before the history starts.
        for (String entity : GeneratedHistory.ENTITIES) {
            labels.add(new PointInTimeJoin.Label(entity, base.minusSeconds(60)));
        }
        return labels;
    }

    private static List<GeneratedHistory.Event> known(List<GeneratedHistory.Event> events,
            PointInTimeJoin.Label label, long windowSeconds) {
        Instant start = label.time().minusSeconds(windowSeconds);
        return events.stream()
                .filter(e -> e.knownAt() != null && e.entity().equals(label.entity()))
                .filter(e -> !e.eventTime().isBefore(start) && e.eventTime().isBefore(label.time()))
                .filter(e -> e.knownAt().isBefore(label.time())).toList();
    }

    /** The feature over the raw events the strict bitemporal rule admits, computed the obvious way. */
    static Object reference(List<GeneratedHistory.Event> events, PointInTimeJoin.Label label, FeatureSpec feature) {
        return GeneratedHistory.aggregate(known(events, label, feature.window().length().toSeconds()), feature);
    }
}
