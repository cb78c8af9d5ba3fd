package dev.plumbline.transform;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The offline point-in-time join of one feature view version: for every label row (an entity and a label time
 * T), each feature over the events with {@code T − window ≤ event_time < T} and {@code known_at < T} — data known
 * strictly before the label, which is {@link FeatureValues#valuesAt} as of the instant just before T, since
 * timestamps are kept to the microsecond.
 *
 * <p>Set-based rather than one {@code valuesAt} per row: one ordered read of the view's events for the labels'
 * entities (the {@code feature_event_by_entity} index gives them grouped by entity and in event-time order), and
 * per entity a sweep over its labels in time order, where each feature's window is a moving range of the sorted
 * events, filtered by known-at. Each row also reports the newest event time and known-at of the events it used,
 * so the leakage audit can check them against the label time independently of this code.
 */
public final class PointInTimeJoin {

    /** A row to join: the entity and the label time (whole microseconds). */
    public record Label(String entity, Instant time) {
    }

    /**
     * The joined values, by label row in input order and feature in the view's order; the newest event time and
     * known-at of the events folded into a row (null when it used none).
     */
    public record Joined(List<FeatureSpec> features, Object[][] values, Instant[] newestEventTime,
            Instant[] newestKnownAt) {
    }

    private static final int FETCH = 20_000;
    private static final String EVENTS = """
            SELECT entity_key, (extract(epoch FROM event_time) * 1000000)::bigint,
                   (extract(epoch FROM known_at) * 1000000)::bigint, staged_record_id%s FROM feature_event
            WHERE view_version_id = ? AND entity_key = ANY (?) AND event_time >= ? AND event_time < ?
              AND known_at < ?
            ORDER BY entity_key, event_time""";

    private final List<FeatureSpec> features;
    private final List<String> fields;
    private final Map<Duration, List<Integer>> byWindow = new LinkedHashMap<>();
    private final List<Label> labels;
    private final Joined joined;

    private PointInTimeJoin(FeatureViewDefinition view, List<Label> labels) {
        this.features = view.features();
        this.fields = view.sourceFields();
        this.labels = labels;
        for (int k = 0; k < features.size(); k++) {
            byWindow.computeIfAbsent(features.get(k).window().length(), w -> new ArrayList<>()).add(k);
        }
        this.joined = new Joined(features, new Object[labels.size()][], new Instant[labels.size()],
                new Instant[labels.size()]);
    }

    /** Joins the labels; reads with a cursor, so it runs in a transaction of its own on the connection. */
    public static Joined join(Connection c, FeatureViewVersion version, List<Label> labels) throws SQLException {
        PointInTimeJoin join = new PointInTimeJoin(version.definition(), labels);
        Map<String, int[]> rows = join.rowsByEntity();
        if (labels.isEmpty()) {
            return join.joined;
        }
        boolean autoCommit = c.getAutoCommit();
        c.setAutoCommit(false);
        try (PreparedStatement s = c.prepareStatement(join.query())) {
            join.bind(c, s, version.id(), rows.keySet());
            s.setFetchSize(FETCH);
            try (ResultSet rs = s.executeQuery()) {
                join.sweep(rs, rows);
            }
            c.commit();
        } finally {
            c.setAutoCommit(autoCommit);
        }
        for (Map.Entry<String, int[]> entity : rows.entrySet()) {
            if (join.joined.values()[entity.getValue()[0]] == null) {
                join.fold(new ArrayList<>(), entity.getValue());
            }
        }
        return join.joined;
    }

    /** Each entity's label rows, ordered by label time. */
    private Map<String, int[]> rowsByEntity() {
        Map<String, List<Integer>> grouped = new HashMap<>();
        for (int i = 0; i < labels.size(); i++) {
            grouped.computeIfAbsent(labels.get(i).entity(), e -> new ArrayList<>()).add(i);
        }
        Map<String, int[]> rows = new HashMap<>();
        grouped.forEach((entity, list) -> rows.put(entity, list.stream()
                .sorted(Comparator.comparing(i -> labels.get(i).time())).mapToInt(Integer::intValue).toArray()));
        return rows;
    }

    private String query() {
        return EVENTS.formatted(", (field_values -> ?)::text".repeat(fields.size()));
    }

    private void bind(Connection c, PreparedStatement s, long versionId, java.util.Set<String> entities)
            throws SQLException {
        Instant first = labels.stream().map(Label::time).min(Comparator.naturalOrder()).orElseThrow();
        Instant last = labels.stream().map(Label::time).max(Comparator.naturalOrder()).orElseThrow();
        Duration longest = byWindow.keySet().stream().max(Comparator.naturalOrder()).orElseThrow();
        int i = 1;
        for (String field : fields) {
            s.setString(i++, field);
        }
        s.setLong(i++, versionId);
        s.setArray(i++, c.createArrayOf("text", entities.toArray()));
        s.setTimestamp(i++, Timestamp.from(first.minus(longest)));
        s.setTimestamp(i++, Timestamp.from(last));
        s.setTimestamp(i, Timestamp.from(last));
    }

    /** Reads the events entity by entity and folds each entity's labels as soon as its events are complete. */
    private void sweep(ResultSet rs, Map<String, int[]> rows) throws SQLException {
        String entity = null;
        List<SweptEvent> events = new ArrayList<>();
        while (rs.next()) {
            String next = rs.getString(1);
            if (!next.equals(entity)) {
                if (entity != null) {
                    fold(events, rows.get(entity));
                }
                entity = next;
                events = new ArrayList<>();
            }
            events.add(SweptEvent.read(rs, fields.size()));
        }
        if (entity != null) {
            fold(events, rows.get(entity));
        }
    }

    /** One entity: for each label in time order, each window is the range of sorted events in [T − w, T). */
    private void fold(List<SweptEvent> events, int[] rows) {
        events.sort(SweptEvent.ORDER);
        int n = events.size();
        int[] from = new int[byWindow.size()];
        int to = 0;
        for (int row : rows) {
            Instant time = labels.get(row).time();
            while (to < n && events.get(to).eventTime().isBefore(time)) {
                to++;
            }
            Object[] values = new Object[features.size()];
            int w = 0;
            for (Map.Entry<Duration, List<Integer>> window : byWindow.entrySet()) {
                Instant start = time.minus(window.getKey());
                while (from[w] < n && events.get(from[w]).eventTime().isBefore(start)) {
                    from[w]++;
                }
                TileState[] states = states(window.getValue());
                for (int i = from[w]; i < to; i++) {
                    SweptEvent event = events.get(i);
                    if (event.knownAt().isBefore(time)) {
                        event.addTo(states);
                        newest(row, event);
                    }
                }
                for (int k : window.getValue()) {
                    FeatureSpec feature = features.get(k);
                    values[k] = states[fields.indexOf(feature.field())].result(feature.aggregation());
                }
                w++;
            }
            joined.values()[row] = values;
        }
    }

    /** One state per source field that the window's features read (a sketch where one counts distinct values). */
    private TileState[] states(List<Integer> windowFeatures) {
        TileState[] states = new TileState[fields.size()];
        for (int k : windowFeatures) {
            FeatureSpec feature = features.get(k);
            int f = fields.indexOf(feature.field());
            boolean sketch = feature.aggregation() == Aggregation.APPROX_DISTINCT;
            if (states[f] == null || sketch && states[f].sketch == null) {
                states[f] = TileState.empty(sketch);
            }
        }
        return states;
    }

    private void newest(int row, SweptEvent event) {
        Instant[] times = joined.newestEventTime();
        Instant[] known = joined.newestKnownAt();
        if (times[row] == null || event.eventTime().isAfter(times[row])) {
            times[row] = event.eventTime();
        }
        if (known[row] == null || event.knownAt().isAfter(known[row])) {
            known[row] = event.knownAt();
        }
    }
}
