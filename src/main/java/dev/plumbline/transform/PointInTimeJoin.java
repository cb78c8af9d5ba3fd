package dev.plumbline.transform;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.function.Function;

/**
 * The offline point-in-time join of one feature view version: for every label row (an entity and a label time
 * T), each feature over the events with {@code T − window ≤ event_time < T} and {@code known_at < T} — data known
 * strictly before the label, which is {@link FeatureValues#valuesAt} as of the instant just before T, since
 * timestamps are kept to the microsecond (a label time between two microseconds counts as the next one).
 *
 * <p>Set-based rather than one {@code valuesAt} per row: one read of the view's events for the labels'
 * entities and time span ({@link EventCopy}), sorted in memory by entity and event time ({@link EventColumns}),
 * then per entity a sweep over its labels in time order ({@link LabelSweep}), where each feature's window is a
 * moving range of the sorted events, filtered by known-at. Each row also reports the newest event time and
 * known-at of the events it used, so the leakage audit can check them against the label time independently of
 * this code. A replica may keep a version's events in memory between joins ({@link EventCache}).
 */
public final class PointInTimeJoin {

    /** A row to join: the entity and the label time. */
    public record Label(String entity, Instant time) {
    }

    /**
     * The joined values, by label row in input order and feature in the view's order; the newest event time and
     * known-at of the events folded into a row (null when it used none).
     */
    public record Joined(List<FeatureSpec> features, Object[][] values, Instant[] newestEventTime,
            Instant[] newestKnownAt) {
    }

    private PointInTimeJoin() {
    }

    /** Joins the labels, reading the events over one connection. */
    public static Joined join(Connection c, FeatureViewVersion version, List<Label> labels) throws SQLException {
        return join(c, null, version, labels);
    }

    /**
     * Joins the labels, reading the events over two connections at once when {@code second} is not null: each
     * reads half of the table's pages, both in one snapshot, so together they read exactly what one would.
     */
    public static Joined join(Connection first, Connection second, FeatureViewVersion version, List<Label> labels)
            throws SQLException {
        return join(first, second, version, labels, null);
    }

    /**
     * Joins the labels with the version's events held in {@code cache} when it holds them exactly for these
     * labels; else reads the events, whole to be held when they fit and the labels need a good part of them.
     */
    public static Joined join(Connection first, Connection second, FeatureViewVersion version, List<Label> labels,
            EventCache cache) throws SQLException {
        LabelSweep sweep = new LabelSweep(version.definition(), labels.size());
        if (labels.isEmpty()) {
            return sweep.joined();
        }
        long latest = labels.stream().mapToLong(label -> micros(label.time())).max().orElseThrow();
        EventCache.Held held = cache == null ? null : cache.held(first, version.id(), latest);
        if (held != null) {
            return joinHeld(sweep, labels, held);
        }
        EntityKeys entities = new EntityKeys();
        EventColumns rows = sweep.labelRows(labels, entities::add, entities::size);
        EventCopy.Span span = sweep.span(rows, entities.keys());
        if (cache != null && cache.worthReadingWhole(first, version.id(), span, sweep.eventColumns())) {
            return joinHeld(sweep, labels, cache.readWhole(first, second, version, sweep));
        }
        List<String> fields = version.definition().sourceFields();
        Function<long[], String> query = pages -> EventCopy.query(version.id(), fields, span, pages);
        EventColumns events = sweep.eventColumns();
        if (second == null) {
            EventCopy.read(first, query.apply(null), entities, events);
        } else {
            EventColumns secondHalf = sweep.eventColumns();
            SnapshotReads.inHalves(first, second, (c, pages) ->
                    EventCopy.read(c, query.apply(pages), entities, c == first ? events : secondHalf));
            events.addAll(secondHalf);
        }
        events.sort(entities.size());
        sweep.run(rows, events);
        return sweep.joined();
    }

    /** The labels swept over a version's events read whole; a label's entity with no events gets a number too. */
    private static Joined joinHeld(LabelSweep sweep, List<Label> labels, EventCache.Held held) {
        int none = held.keys().size();
        EventColumns rows = sweep.labelRows(labels, entity -> {
            int id = held.keys().find(entity);
            return id < 0 ? none : id;
        }, () -> none + 1);
        sweep.run(rows, held.events());
        return sweep.joined();
    }

    /** Epoch microseconds, rounded up: {@code t < T} for a whole microsecond t is {@code t < micros(T)}. */
    static long micros(Instant time) {
        long micros = Math.addExact(Math.multiplyExact(time.getEpochSecond(), 1_000_000L), time.getNano() / 1000);
        return time.getNano() % 1000 == 0 ? micros : micros + 1;
    }

    static Instant instant(long micros) {
        return Instant.ofEpochSecond(Math.floorDiv(micros, 1_000_000L), Math.floorMod(micros, 1_000_000L) * 1000);
    }
}
