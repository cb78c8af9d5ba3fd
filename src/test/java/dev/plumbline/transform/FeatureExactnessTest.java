package dev.plumbline.transform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import dev.plumbline.EmbeddedStackResource;
import dev.plumbline.PipelineFixtures;
import dev.plumbline.access.Caller;
import dev.plumbline.contract.DatasetRegistry;
import dev.plumbline.featurestore.FeatureRegistry;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * Tiles against a brute-force reference: on a generated history with late, out-of-order, quarantined, discarded
 * and released events, every feature of every entity as of many instants equals the value computed from the raw
 * events under the bitemporal rule (approx_distinct within its error bound).
 */
@QuarkusTest
@WithTestResource(EmbeddedStackResource.class)
class FeatureExactnessTest {

    static final Caller ADMIN = new Caller("test-admin", Set.of("admin"));

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

    static String view(String name, String dataset) {
        return """
                name: %s
                entity: currency
                source: %s
                owner: test-team
                version: 1.0.0
                features:
                  - {name: cnt_1h, aggregation: count, field: order_id, window: 1h}
                  - {name: sum_6h, aggregation: sum, field: amount, window: 6h}
                  - {name: avg_3d, aggregation: avg, field: amount, window: 3d}
                  - {name: min_6h, aggregation: min, field: amount, window: 6h}
                  - {name: max_3d, aggregation: max, field: amount, window: 3d}
                  - {name: std_3d, aggregation: stddev, field: amount, window: 3d}
                  - {name: last_3d, aggregation: last, field: order_id, window: 3d}
                  - {name: distinct_3d, aggregation: approx_distinct, field: order_id, window: 3d}
                  - {name: cnt_amount_2d, aggregation: count, field: amount, window: 2d}
                """.formatted(name, dataset);
    }

    @Test
    void tilesAnswerExactlyAsTheRawEventsDoForEveryAggregation() throws Exception {
        String dataset = PipelineFixtures.freshDatasetName("exact");
        PipelineFixtures.registerOrders(datasets, dataset);
        var active = datasets.activeContract(datasets.get(dataset).orElseThrow().id).orElseThrow();
        Instant base = Instant.now().minus(14, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
        List<GeneratedHistory.Event> events = GeneratedHistory.write(dataSource, active.datasetId(),
                active.versionId(), dataset, base, 1200, 7);
        FeatureViewVersion version = registry.apply(view("exact_" + dataset.substring(6), dataset), ADMIN,
                "127.0.0.1").version();
        while (materializer.materializeAll() > 0) {
            // until every run and release is materialized
        }

        int compared = 0;
        for (Instant asOf : asOfs(events, base)) {
            for (String entity : GeneratedHistory.ENTITIES) {
                FeatureVector vector = values.valuesAt(version, entity, asOf);
                for (FeatureSpec feature : version.definition().features()) {
                    Object expected = reference(events, entity, feature, asOf);
                    assertSame(feature, entity, asOf, vector.values().get(feature.name()), expected);
                    compared++;
                }
            }
        }
        assertThat(compared).isGreaterThan(2000);
    }

    private static List<Instant> asOfs(List<GeneratedHistory.Event> events, Instant base) {
        Random random = new Random(11);
        List<Instant> instants = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            instants.add(base.plusSeconds(random.nextInt(14 * 86_400)).plusMillis(random.nextInt(1000)));
        }
        for (int i = 0; i < 10; i++) {
            instants.add(base.truncatedTo(ChronoUnit.HOURS).plus(24 * i + 5, ChronoUnit.HOURS));
            GeneratedHistory.Event e = events.get(random.nextInt(events.size()));
            instants.add(e.eventTime());
            if (e.knownAt() != null) {
                instants.add(e.knownAt());
                instants.add(e.knownAt().minusMillis(1));
            }
        }
        return instants;
    }

    static Object reference(List<GeneratedHistory.Event> events, String entity, FeatureSpec feature, Instant asOf) {
        Instant start = asOf.minus(feature.window().length());
        return GeneratedHistory.aggregate(events.stream()
                .filter(e -> e.knownAt() != null && e.entity().equals(entity))
                .filter(e -> e.eventTime().isAfter(start) && !e.eventTime().isAfter(asOf))
                .filter(e -> !e.knownAt().isAfter(asOf)).toList(), feature);
    }

    static void assertSame(FeatureSpec feature, String entity, Instant asOf, Object actual,
            Object expected) {
        String what = feature.name() + " of " + entity + " as of " + asOf;
        if (expected == null) {
            assertThat(actual).as(what).isNull();
        } else if (feature.aggregation() == Aggregation.APPROX_DISTINCT) {
            long exact = (Long) expected;
            assertThat((Long) actual).as(what).isCloseTo(exact,
                    within(Math.max(1, Math.round(3 * HyperLogLog.STANDARD_ERROR * exact))));
        } else if (feature.aggregation() == Aggregation.LAST) {
            assertThat(((JsonNode) actual).asText()).as(what).isEqualTo(expected);
        } else if (expected instanceof Double d) {
            assertThat((Double) actual).as(what).isCloseTo(d, within(1e-6 * Math.max(1, Math.abs(d))));
        } else {
            assertThat(actual).as(what).isEqualTo(expected);
        }
    }
}
