package dev.plumbline.transform;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.plumbline.EmbeddedStackResource;
import dev.plumbline.PipelineFixtures;
import dev.plumbline.contract.DatasetRegistry;
import dev.plumbline.featurestore.FeatureRegistry;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
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
 * two microseconds, and before any event; and the same rows when two connections read the table's halves, and
 * from a copy of the events held in memory while it is exact for the labels.
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
        Instant base = Instant.now().minus(14, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
        List<GeneratedHistory.Event> events = new ArrayList<>();
        FeatureViewVersion version = materializedView("pit", base, 1200, 23, events);
        List<PointInTimeJoin.Label> labels = labels(events, base);

        PointInTimeJoin.Joined joined;
        PointInTimeJoin.Joined inHalves;
        try (Connection c = dataSource.getConnection(); Connection second = dataSource.getConnection()) {
            joined = PointInTimeJoin.join(c, version, labels);
            inHalves = PointInTimeJoin.join(c, second, version, labels);
        }
        // Two connections reading the table's halves in one snapshot see the same events, summed in the same order.
        assertSameRows(inHalves, joined);
        // Rows written before field_numbers existed are read from their JSON, to the same values.
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(
                "UPDATE feature_event SET field_numbers = NULL WHERE view_version_id = ? AND field_numbers IS NOT NULL"
                        + " AND staged_record_id % 2 = 0")) {
            s.setLong(1, version.id());
            assertThat(s.executeUpdate()).isGreaterThan(100);
            assertSameRows(PointInTimeJoin.join(c, version, labels), joined);
        }

        int compared = 0;
        for (int row = 0; row < labels.size(); row++) {
            PointInTimeJoin.Label label = labels.get(row);
            List<FeatureSpec> features = version.definition().features();
            for (int k = 0; k < features.size(); k++) {
                FeatureSpec feature = features.get(k);
                FeatureExactnessTest.assertSame(feature, label.entity(), label.time(), joined.value(row, k),
                        reference(events, label, feature));
                compared++;
            }
            List<GeneratedHistory.Event> used = known(events, label, 3 * 86_400);
            assertThat(joined.newestKnownAt(row)).as("newest known-at of row %d", row)
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
                FeatureExactnessTest.assertSame(feature, label.entity(), label.time(), joined.value(row, k),
                        online.values().get(feature.name()) instanceof com.fasterxml.jackson.databind.JsonNode n
                                ? n.asText() : online.values().get(feature.name()));
            }
        }
    }

    @Test
    void eventsHeldInMemoryServeAJoinOnlyWhileTheyGiveTheRowsAFreshReadGives() throws Exception {
        Instant base = Instant.now().minus(14, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
        List<GeneratedHistory.Event> events = new ArrayList<>();
        FeatureViewVersion version = materializedView("held", base, 600, 29, events);
        List<PointInTimeJoin.Label> labels = labels(events, base);
        Instant latest = labels.stream().map(PointInTimeJoin.Label::time).max(Comparator.naturalOrder()).orElseThrow();
        // Records the view never materialized (quarantined, never released): events to add by hand.
        List<Long> spare = events.stream().filter(e -> e.knownAt() == null).map(GeneratedHistory.Event::recordId)
                .toList();
        EventCache cache = new EventCache(64L << 20);
        try (Connection c = dataSource.getConnection(); Connection second = dataSource.getConnection()) {
            // Whether to read a version whole is decided on the planner's statistics, which autovacuum keeps.
            try (var s = c.createStatement()) {
                s.execute("ANALYZE feature_event");
            }
            PointInTimeJoin.Joined fresh = PointInTimeJoin.join(c, second, version, labels);
            assertSameRows(PointInTimeJoin.join(c, second, version, labels, cache), fresh);
            assertThat(cache.reads()).isEqualTo(1);
            assertSameRows(PointInTimeJoin.join(c, null, version, labels, cache), fresh);
            assertThat(cache.hits()).isEqualTo(1);

            // Known only after every label: no label could fold it, so the copy still serves, with the same rows.
            addEvent(c, version, spare.get(0), "e0", base.plus(2, ChronoUnit.DAYS), latest.plusNanos(1000));
            assertSameRows(PointInTimeJoin.join(c, second, version, labels, cache), fresh);
            assertThat(cache.hits()).isEqualTo(2);
            assertThat(cache.reads()).isEqualTo(1);

            // Known before some labels: read again, and those labels' rows change.
            Instant eventTime = events.get(0).eventTime();
            addEvent(c, version, spare.get(1), events.get(0).entity(), eventTime, eventTime.plusSeconds(60));
            PointInTimeJoin.Joined withEarly = PointInTimeJoin.join(c, second, version, labels, cache);
            assertThat(cache.reads()).isEqualTo(2);
            assertSameRows(withEarly, PointInTimeJoin.join(c, second, version, labels));
            assertThat(rows(withEarly)).isNotEqualTo(rows(fresh));
            assertSameRows(PointInTimeJoin.join(c, second, version, labels, cache), withEarly);
            assertThat(cache.hits()).isEqualTo(3);

            // Labels of one entity over one day need a small part of the events: read through the index, not whole.
            List<PointInTimeJoin.Label> few = labels.stream().filter(l -> l.entity().equals("e2"))
                    .filter(l -> l.time().isBefore(base.plus(1, ChronoUnit.DAYS))).toList();
            assertThat(few).isNotEmpty();
            EventCache other = new EventCache(64L << 20);
            PointInTimeJoin.Joined fewRows = PointInTimeJoin.join(c, second, version, few, other);
            assertThat(other.reads()).isZero();
            assertSameRows(fewRows, PointInTimeJoin.join(c, second, version, few));

            // A deletion leaves no copy usable.
            try (PreparedStatement s = c.prepareStatement(
                    "DELETE FROM feature_event WHERE view_version_id = ? AND staged_record_id = ?")) {
                s.setLong(1, version.id());
                s.setLong(2, spare.get(1));
                assertThat(s.executeUpdate()).isEqualTo(1);
            }
            assertSameRows(PointInTimeJoin.join(c, second, version, labels, cache), fresh);
            assertThat(cache.reads()).isEqualTo(3);

            // A change whose log entry was trimmed cannot be shown harmless: the copy from before it is read again.
            addEvent(c, version, spare.get(2), "e0", base.plus(3, ChronoUnit.DAYS), latest.plusNanos(2000));
            assertThat(EventCache.forgetChanges(c, 0)).isPositive();
            assertSameRows(PointInTimeJoin.join(c, second, version, labels, cache), fresh);
            assertThat(cache.reads()).isEqualTo(4);
            assertSameRows(PointInTimeJoin.join(c, second, version, labels, cache), fresh);
            assertThat(cache.hits()).isEqualTo(4);
        }
    }

    /**
     * What the join reads from {@code field_numbers} is what it reads from the JSON PostgreSQL stored, value for
     * value, on values whose text PostgreSQL changes (exponents, negative zero, digits beyond a double) and ones
     * that are no number.
     */
    @Test
    void fieldNumbersHoldWhatTheStoredJsonReadsAs() throws Exception {
        ObjectMapper json = new ObjectMapper();
        List<String> values = List.of("0", "-0", "-0.0", "0.1", "0.10", "1e2", "1E+2", "-1.5e-3", "1e400", "-1e400",
                "1e-400", "-1e-400", "4.9e-324", "9007199254740993", "123456789012345678901234567890",
                "0.1000000000000000055511151231257827", "12345678901234567", "\"12\"", "true", "[1]", "{\"a\": 1}",
                "null");
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement("SELECT (?::jsonb -> 'x')::text")) {
            for (String value : values) {
                JsonNode node = json.readTree("{\"x\": " + value + "}").get("x");
                s.setString(1, json.createObjectNode().set("x", node).toString());
                FieldColumn stored = new FieldColumn(1, false, false);
                try (var rs = s.executeQuery()) {
                    rs.next();
                    byte[] text = rs.getString(1).getBytes(StandardCharsets.UTF_8);
                    stored.set(0, text, 0, text.length);
                }
                FieldColumn packed = new FieldColumn(1, false, false);
                packed.setPacked(0, FieldColumn.packed(node));
                assertThat(packed.kind[0]).as(value).isEqualTo(stored.kind[0]);
                assertThat(Double.doubleToRawLongBits(packed.number[0])).as(value)
                        .isEqualTo(Double.doubleToRawLongBits(stored.number[0]));
            }
        }
    }

    /** A fresh dataset with a generated history (added to {@code events}) and a materialized view over it. */
    private FeatureViewVersion materializedView(String prefix, Instant base, int count, long seed,
            List<GeneratedHistory.Event> events) throws SQLException {
        String dataset = PipelineFixtures.freshDatasetName(prefix);
        PipelineFixtures.registerOrders(datasets, dataset);
        var active = datasets.activeContract(datasets.get(dataset).orElseThrow().id).orElseThrow();
        events.addAll(GeneratedHistory.write(dataSource, active.datasetId(), active.versionId(), dataset, base, count,
                seed));
        FeatureViewVersion version = registry.apply(FeatureExactnessTest.view(prefix + "_"
                + dataset.substring(prefix.length() + 1), dataset), FeatureExactnessTest.ADMIN, "127.0.0.1").version();
        while (materializer.materializeAll() > 0) {
            // until every run and release is materialized
        }
        return version;
    }

    private static void addEvent(Connection c, FeatureViewVersion version, long recordId, String entity,
            Instant eventTime, Instant knownAt) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("""
                INSERT INTO feature_event (view_version_id, staged_record_id, entity_key, event_time, known_at,
                                           validation_run_id, field_values)
                SELECT ?, s.id, ?, ?, ?, r.id, '{"amount": 5000.25, "order_id": "added"}'
                FROM staged_record s JOIN validation_run r ON s.id = ANY (r.staged_ids) WHERE s.id = ?""")) {
            s.setLong(1, version.id());
            s.setString(2, entity);
            s.setTimestamp(3, Timestamp.from(eventTime));
            s.setTimestamp(4, Timestamp.from(knownAt));
            s.setLong(5, recordId);
            assertThat(s.executeUpdate()).isEqualTo(1);
        }
    }

    private static void assertSameRows(PointInTimeJoin.Joined actual, PointInTimeJoin.Joined expected) {
        assertThat(rows(actual)).isEqualTo(rows(expected));
    }

    /** Each row's values, newest event time and newest known-at, as a list. */
    private static List<List<Object>> rows(PointInTimeJoin.Joined joined) {
        List<List<Object>> rows = new ArrayList<>();
        for (int row = 0; row < joined.size(); row++) {
            List<Object> values = new ArrayList<>(Arrays.asList(joined.row(row)));
            values.add(joined.newestEventTime(row));
            values.add(joined.newestKnownAt(row));
            rows.add(values);
        }
        return rows;
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
