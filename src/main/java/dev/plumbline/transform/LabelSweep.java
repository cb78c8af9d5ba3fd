package dev.plumbline.transform;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.IntSupplier;
import java.util.function.ToIntFunction;

/**
 * The in-memory half of the point-in-time join: the label rows and the events, both grouped by entity and in time
 * order, swept entity by entity. For a label at T each window is a moving range {@code [T − w, T)} of the
 * entity's events by event time, of which only those with {@code known_at < T} are folded: an event that arrived
 * late is in the range from its event time on, but counts only for labels after it arrived.
 */
final class LabelSweep {

    private final List<FeatureSpec> features;
    private final List<String> fields;
    private final int[] featureField;
    private final long[] windowMicros;
    private final List<int[]> windowFeatures = new ArrayList<>();
    /** Per window and source field: 0 unused, 1 folded, 2 folded with a distinct-count sketch. */
    private final byte[][] windowFields;
    private final PointInTimeJoin.Joined joined;

    LabelSweep(FeatureViewDefinition view, int labels) {
        features = view.features();
        fields = view.sourceFields();
        featureField = features.stream().mapToInt(f -> fields.indexOf(f.field())).toArray();
        List<Duration> windows = features.stream().map(f -> f.window().length()).distinct().toList();
        windowMicros = windows.stream().mapToLong(w -> w.toNanos() / 1000).toArray();
        windowFields = new byte[windows.size()][fields.size()];
        for (int w = 0; w < windows.size(); w++) {
            List<Integer> in = new ArrayList<>();
            for (int k = 0; k < features.size(); k++) {
                if (features.get(k).window().length().equals(windows.get(w))) {
                    in.add(k);
                    boolean sketch = features.get(k).aggregation() == Aggregation.APPROX_DISTINCT;
                    windowFields[w][featureField[k]] |= (byte) (sketch ? 2 : 1);
                }
            }
            windowFeatures.add(in.stream().mapToInt(Integer::intValue).toArray());
        }
        joined = new PointInTimeJoin.Joined(features, labels);
    }

    PointInTimeJoin.Joined joined() {
        return joined;
    }

    /**
     * The label rows as columns (time in {@code eventTime}, row in {@code recordId}), sorted by entity and time:
     * each entity numbered by {@code entityId}, of {@code entities} numbers once all are numbered.
     */
    EventColumns labelRows(List<PointInTimeJoin.Label> labels, ToIntFunction<String> entityId, IntSupplier entities) {
        EventColumns rows = new EventColumns(new boolean[0], new boolean[0]);
        for (int i = 0; i < labels.size(); i++) {
            PointInTimeJoin.Label label = labels.get(i);
            rows.add(entityId.applyAsInt(label.entity()), PointInTimeJoin.micros(label.time()), 0, i);
        }
        rows.sort(entities.getAsInt());
        return rows;
    }

    /** Columns for the events, keeping text only for fields read by {@code last}, hashes for approx_distinct. */
    EventColumns eventColumns() {
        boolean[] text = new boolean[fields.size()];
        boolean[] hash = new boolean[fields.size()];
        for (int k = 0; k < features.size(); k++) {
            text[featureField[k]] |= features.get(k).aggregation() == Aggregation.LAST;
            hash[featureField[k]] |= features.get(k).aggregation() == Aggregation.APPROX_DISTINCT;
        }
        return new EventColumns(text, hash);
    }

    /** The events some label's window may fold: the labels' entities, over their time span and longest window. */
    EventCopy.Span span(List<PointInTimeJoin.Label> labels) {
        long first = Long.MAX_VALUE;
        long last = Long.MIN_VALUE;
        for (PointInTimeJoin.Label label : labels) {
            long time = PointInTimeJoin.micros(label.time());
            first = Math.min(first, time);
            last = Math.max(last, time);
        }
        long longest = Arrays.stream(windowMicros).max().orElseThrow();
        return new EventCopy.Span(first - longest, last, labels);
    }

    /** Sweeps the entities, the two halves of the events at once; each label row is written by one of them. */
    void run(EventColumns rows, EventColumns events) {
        InHalves.run(0, events.middleEntity(), rows.entityStart.length - 1, events.size,
                (from, to) -> run(rows, events, from, to));
    }

    private void run(EventColumns rows, EventColumns events, int fromEntity, int toEntity) {
        WindowState[] states = new WindowState[fields.size()];
        for (int f = 0; f < states.length; f++) {
            states[f] = new WindowState();
        }
        int[] from = new int[windowMicros.length];
        for (int e = fromEntity; e < toEntity; e++) {
            int to = events.entityStart[e];
            Arrays.fill(from, to);
            for (int j = rows.entityStart[e]; j < rows.entityStart[e + 1]; j++) {
                long time = rows.eventTime[j];
                while (to < events.entityStart[e + 1] && events.eventTime[to] < time) {
                    to++;
                }
                label((int) rows.recordId[j], time, events, from, to, states);
            }
        }
    }

    /** One label row: each window folds the events of [T − w, T) known before T. */
    private void label(int row, long time, EventColumns events, int[] from, int to, WindowState[] states) {
        long newestEvent = Long.MIN_VALUE;
        long newestKnown = Long.MIN_VALUE;
        for (int w = 0; w < windowMicros.length; w++) {
            long start = time - windowMicros[w];
            while (from[w] < to && events.eventTime[from[w]] < start) {
                from[w]++;
            }
            byte[] used = windowFields[w];
            for (int f = 0; f < used.length; f++) {
                if (used[f] != 0) {
                    states[f].reset(used[f] >= 2);
                }
            }
            for (int i = from[w]; i < to; i++) {
                if (events.knownAt[i] < time) {
                    for (int f = 0; f < used.length; f++) {
                        if (used[f] != 0) {
                            states[f].add(events.fields[f], i);
                        }
                    }
                    newestEvent = Math.max(newestEvent, events.eventTime[i]);
                    newestKnown = Math.max(newestKnown, events.knownAt[i]);
                }
            }
            for (int k : windowFeatures.get(w)) {
                int f = featureField[k];
                states[f].result(features.get(k).aggregation(), events.fields[f], joined, row, k);
            }
        }
        joined.setNewest(row, newestEvent, newestKnown);
    }
}
