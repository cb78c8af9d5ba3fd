package dev.plumbline.transform;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;

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
     * The joined values, by label row in input order and feature in the view's order, and the newest event time
     * and known-at of the events folded into each row (null when it used none). Kept as a column per feature (counts
     * as longs, numbers as doubles with a null flag, {@code last} as JSON values) and times as epoch microseconds,
     * since the two sweeping threads write a million rows in no particular order: primitives cost neither an
     * object per value nor the garbage collector's bookkeeping of a reference stored into a large array.
     */
    public static final class Joined {

        private static final long NONE = Long.MIN_VALUE;

        private final List<FeatureSpec> features;
        private final int rows;
        private final long[][] counts;
        private final double[][] numbers;
        private final boolean[][] absent;
        private final Object[][] json;
        private final long[] newestEvent;
        private final long[] newestKnown;

        Joined(List<FeatureSpec> features, int rows) {
            this.features = features;
            this.rows = rows;
            counts = new long[features.size()][];
            numbers = new double[features.size()][];
            absent = new boolean[features.size()][];
            json = new Object[features.size()][];
            for (int k = 0; k < features.size(); k++) {
                switch (features.get(k).aggregation()) {
                    case COUNT, APPROX_DISTINCT -> counts[k] = new long[rows];
                    case LAST -> json[k] = new Object[rows];
                    default -> {
                        numbers[k] = new double[rows];
                        absent[k] = new boolean[rows];
                    }
                }
            }
            newestEvent = new long[rows];
            newestKnown = new long[rows];
        }

        /** Rows given value by value (as {@link #value} answers them), for tests and tools. */
        public static Joined of(List<FeatureSpec> features, Object[][] values, Instant[] newestEventTime,
                Instant[] newestKnownAt) {
            Joined joined = new Joined(features, values.length);
            for (int row = 0; row < values.length; row++) {
                for (int k = 0; k < features.size(); k++) {
                    Object value = values[row][k];
                    if (joined.counts[k] != null) {
                        joined.counts[k][row] = (Long) value;
                    } else if (joined.json[k] != null) {
                        joined.json[k][row] = value;
                    } else {
                        joined.setNumber(row, k, value == null, value == null ? 0 : (Double) value);
                    }
                }
                joined.setNewest(row, newestEventTime[row] == null ? NONE : micros(newestEventTime[row]),
                        newestKnownAt[row] == null ? NONE : micros(newestKnownAt[row]));
            }
            return joined;
        }

        public List<FeatureSpec> features() {
            return features;
        }

        public int size() {
            return rows;
        }

        /** A row's feature k: a Long (count, approx_distinct), a Double, a JSON value ({@code last}) or null. */
        public Object value(int row, int k) {
            if (counts[k] != null) {
                return counts[k][row];
            }
            if (json[k] != null) {
                return json[k][row];
            }
            return absent[k][row] ? null : numbers[k][row];
        }

        /** A row's values, in the view's order. */
        public Object[] row(int row) {
            Object[] values = new Object[features.size()];
            for (int k = 0; k < values.length; k++) {
                values[k] = value(row, k);
            }
            return values;
        }

        public Instant newestEventTime(int row) {
            return newestEvent[row] == NONE ? null : instant(newestEvent[row]);
        }

        public Instant newestKnownAt(int row) {
            return newestKnown[row] == NONE ? null : instant(newestKnown[row]);
        }

        void setCount(int row, int k, long count) {
            counts[k][row] = count;
        }

        void setNumber(int row, int k, boolean none, double number) {
            absent[k][row] = none;
            numbers[k][row] = number;
        }

        void setJson(int row, int k, Object value) {
            json[k][row] = value;
        }

        /** The newest event time and known-at folded into the row, {@link Long#MIN_VALUE} for none. */
        void setNewest(int row, long eventMicros, long knownMicros) {
            newestEvent[row] = eventMicros;
            newestKnown[row] = knownMicros;
        }
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
        EventCopy.Span span = sweep.span(labels);
        if (cache != null && cache.worthReadingWhole(first, version.id(), span, sweep.eventColumns())) {
            return joinHeld(sweep, labels, cache.readWhole(first, second, version, sweep));
        }
        EntityKeys entities = new EntityKeys();
        EventColumns rows = sweep.labelRows(labels, entities::add, entities::size);
        List<String> fields = version.definition().sourceFields();
        EventColumns events = sweep.eventColumns();
        EventCopy.read(first, second, pages -> EventCopy.query(version.id(), fields, events, span, pages), entities,
                events, sweep::eventColumns);
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
