package dev.plumbline.validate.window;

import dev.plumbline.validate.analyzers.Analyzer;
import dev.plumbline.validate.analyzers.AnalyzerStates;
import dev.plumbline.validate.analyzers.State;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.sql.DataSource;

/**
 * The analyzer states of every validation run, in PostgreSQL, after Deequ's MetricsRepository: save a run's
 * states, load one analyzer's states merged over a window, or list them over time (for drift charts). Call it
 * inside the validation transaction, so a rolled-back run leaves no states. Stored states are never changed, so
 * each is fetched and decoded once: a window of the last N batches is read as the ids of its states, a window of a
 * duration as the states stored since the series was last read ({@link SpanStates}).
 */
@ApplicationScoped
public class StateRepository {

    private static final String INSERT = """
            INSERT INTO analyzer_state (dataset_id, validation_run_id, analyzer_key, analyzer, state, computed_at)
            VALUES (?, ?, ?, ?, ?::jsonb, ?)""";
    private static final String SINCE = """
            SELECT state::text, computed_at, validation_run_id FROM analyzer_state
            WHERE dataset_id = ? AND analyzer_key = ? AND computed_at > ? AND computed_at <= ?
            ORDER BY computed_at DESC""";
    // A series' states computed after a time, and its highest id (the row without a time).
    private static final String SPAN_FIRST = """
            SELECT id, computed_at, validation_run_id, state::text FROM analyzer_state
            WHERE dataset_id = ? AND analyzer_key = ? AND computed_at > ?
            UNION ALL
            SELECT max(id), NULL, NULL, NULL FROM analyzer_state WHERE dataset_id = ? AND analyzer_key = ?""";
    private static final String SPAN_NEWER = """
            SELECT id, computed_at, validation_run_id, state::text FROM analyzer_state
            WHERE dataset_id = ? AND analyzer_key = ? AND id > ?""";
    private static final String WINDOW_LATEST = """
            SELECT id, computed_at, validation_run_id FROM analyzer_state
            WHERE dataset_id = ? AND analyzer_key = ? AND computed_at <= ?
            ORDER BY computed_at DESC LIMIT ?""";
    private static final String STATES = "SELECT id, state::text FROM analyzer_state WHERE id = ANY (?)";
    private static final int SHOWN_DEFINITION = 500;

    private final DataSource dataSource;
    // Per dataset and analyzer key, the decoded states of its latest window of N batches read, by analyzer_state id.
    private final Map<Series, Map<Long, StoredState>> decoded = new ConcurrentHashMap<>();
    // Per dataset and analyzer key, the states read for windows of a duration.
    private final Map<Series, SpanStates> spans = new ConcurrentHashMap<>();

    private record Series(long datasetId, String analyzerKey) {
    }

    public StateRepository(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** One stored state: the run it came from and when that run finished. */
    public record StoredState(long runId, Instant computedAt, State<?> state) {
    }

    /** Saves the states of a run's persistable analyzers. */
    public void save(long datasetId, long runId, Instant computedAt, AnalyzerStates states) {
        try (Connection c = dataSource.getConnection(); PreparedStatement insert = c.prepareStatement(INSERT)) {
            for (Map.Entry<Analyzer<?, ?>, State<?>> entry : states.asMap().entrySet()) {
                if (!StateCodec.persistable(entry.getKey())) {
                    continue;
                }
                String definition = entry.getKey().toString();
                insert.setLong(1, datasetId);
                insert.setLong(2, runId);
                insert.setString(3, StateCodec.key(entry.getKey()));
                insert.setString(4, definition.substring(0, Math.min(definition.length(), SHOWN_DEFINITION)));
                insert.setString(5, StateCodec.write(entry.getValue()));
                insert.setTimestamp(6, Timestamp.from(computedAt));
                insert.addBatch();
            }
            insert.executeBatch();
        } catch (SQLException e) {
            throw new IllegalStateException("could not save the analyzer states of run " + runId, e);
        }
    }

    /** The analyzer's states of the batches before {@code now} within the window, merged. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    public WindowStates window(long datasetId, Analyzer<?, ?> analyzer, Window window, Instant now) {
        Series series = new Series(datasetId, StateCodec.key(analyzer));
        List<StoredState> stored;
        if (window.batches() == null) {
            stored = spanStates(series, analyzer, now.minus(window.span()), now);
        } else {
            stored = window.batches() == 1 ? List.of() : latestStates(series, analyzer, now, window.batches() - 1);
        }
        if (stored.isEmpty()) {
            return WindowStates.NONE;
        }
        State merged = stored.get(0).state();
        for (StoredState earlier : stored.subList(1, stored.size())) {
            merged = (State) merged.merge(earlier.state());
        }
        return new WindowStates(AnalyzerStates.of((Analyzer) analyzer, merged), stored.size());
    }

    /** The analyzer's states of the runs that finished after {@code since} and up to {@code until}, newest first. */
    public List<StoredState> history(long datasetId, Analyzer<?, ?> analyzer, Instant since, Instant until) {
        return query(analyzer, SINCE, s -> {
            s.setLong(1, datasetId);
            s.setString(2, StateCodec.key(analyzer));
            s.setTimestamp(3, Timestamp.from(since));
            s.setTimestamp(4, Timestamp.from(until));
        });
    }

    /**
     * The series' latest {@code count} states up to {@code until}, newest first: which they are, from the database;
     * each state from {@link #decoded} or, the first time, fetched and decoded.
     */
    private List<StoredState> latestStates(Series series, Analyzer<?, ?> analyzer, Instant until, int count) {
        Map<Long, StoredState> known = decoded.getOrDefault(series, Map.of());
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(WINDOW_LATEST)) {
            s.setLong(1, series.datasetId());
            s.setString(2, series.analyzerKey());
            s.setTimestamp(3, Timestamp.from(until));
            s.setInt(4, count);
            List<long[]> rows = new ArrayList<>();
            List<Instant> times = new ArrayList<>();
            List<Long> missing = new ArrayList<>();
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    rows.add(new long[] {rs.getLong(1), rs.getLong(3)});
                    times.add(rs.getTimestamp(2).toInstant());
                    if (!known.containsKey(rs.getLong(1))) {
                        missing.add(rs.getLong(1));
                    }
                }
            }
            Map<Long, State<?>> fetched = fetch(c, analyzer, missing);
            Map<Long, StoredState> window = new HashMap<>();
            List<StoredState> stored = new ArrayList<>(rows.size());
            for (int i = 0; i < rows.size(); i++) {
                long id = rows.get(i)[0];
                StoredState state = known.containsKey(id) ? known.get(id)
                        : new StoredState(rows.get(i)[1], times.get(i), fetched.get(id));
                window.put(id, state);
                stored.add(state);
            }
            decoded.put(series, window);
            return stored;
        } catch (SQLException e) {
            throw new IllegalStateException("could not load the states of " + analyzer, e);
        }
    }

    /** The series' states computed after {@code after} and up to {@code until}, newest first. */
    private List<StoredState> spanStates(Series series, Analyzer<?, ?> analyzer, Instant after, Instant until) {
        SpanStates held = spans.computeIfAbsent(series, SpanStates::new);
        try (Connection c = dataSource.getConnection()) {
            return held.read(c, analyzer, after, until);
        } catch (SQLException e) {
            throw new IllegalStateException("could not load the states of " + analyzer, e);
        }
    }

    /**
     * The states of one series read for windows of a duration: every state with an id up to {@link #lastId} that
     * was computed after {@link #completeAfter}. A later read asks only for higher ids, which is exact because a
     * dataset's states are written by one transaction at a time (validation holds its topic's cursor until it
     * commits): ids allocated later become visible later, so a state never appears below an id read before. The
     * first read, and a read reaching further back than the states held, take the whole window from the database.
     * States that fall out of the window are forgotten. (A dataset moved to another topic while a batch of the old
     * one is being validated could break the rule for that batch: its state would then be missing from this
     * replica's windows until it ages out of them.)
     */
    private static final class SpanStates {

        private final Series series;
        private final Map<Long, StoredState> states = new HashMap<>();
        private long lastId;
        private Instant completeAfter;

        SpanStates(Series series) {
            this.series = series;
        }

        synchronized List<StoredState> read(Connection c, Analyzer<?, ?> analyzer, Instant after, Instant until)
                throws SQLException {
            boolean first = completeAfter == null || after.isBefore(completeAfter);
            // Until the read has finished, what is held is not known to be complete: a failed read starts over.
            completeAfter = null;
            if (first) {
                states.clear();
                lastId = 0;
            }
            try (PreparedStatement s = c.prepareStatement(first ? SPAN_FIRST : SPAN_NEWER)) {
                s.setLong(1, series.datasetId());
                s.setString(2, series.analyzerKey());
                if (first) {
                    s.setTimestamp(3, Timestamp.from(after));
                    s.setLong(4, series.datasetId());
                    s.setString(5, series.analyzerKey());
                } else {
                    s.setLong(3, lastId);
                }
                add(s, analyzer);
            }
            completeAfter = after;
            states.values().removeIf(state -> !state.computedAt().isAfter(after));
            return states.entrySet().stream().filter(e -> !e.getValue().computedAt().isAfter(until))
                    .sorted(Map.Entry.<Long, StoredState>comparingByValue(
                            Comparator.comparing(StoredState::computedAt)).thenComparing(Map.Entry.comparingByKey())
                            .reversed())
                    .map(Map.Entry::getValue).toList();
        }

        private void add(PreparedStatement s, Analyzer<?, ?> analyzer) throws SQLException {
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    long id = rs.getLong(1);
                    lastId = Math.max(lastId, id);
                    Timestamp computedAt = rs.getTimestamp(2);
                    if (computedAt != null) {
                        states.put(id, new StoredState(rs.getLong(3), computedAt.toInstant(),
                                StateCodec.read(analyzer, rs.getString(4))));
                    }
                }
            }
        }
    }

    private static Map<Long, State<?>> fetch(Connection c, Analyzer<?, ?> analyzer, List<Long> ids)
            throws SQLException {
        Map<Long, State<?>> fetched = new HashMap<>();
        if (ids.isEmpty()) {
            return fetched;
        }
        try (PreparedStatement s = c.prepareStatement(STATES)) {
            s.setArray(1, c.createArrayOf("bigint", ids.toArray()));
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    fetched.put(rs.getLong(1), StateCodec.read(analyzer, rs.getString(2)));
                }
            }
        }
        return fetched;
    }

    private interface Parameters {
        void set(PreparedStatement statement) throws SQLException;
    }

    private List<StoredState> query(Analyzer<?, ?> analyzer, String sql, Parameters parameters) {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            parameters.set(s);
            List<StoredState> stored = new ArrayList<>();
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    stored.add(new StoredState(rs.getLong(3), rs.getTimestamp(2).toInstant(),
                            StateCodec.read(analyzer, rs.getString(1))));
                }
            }
            return stored;
        } catch (SQLException e) {
            throw new IllegalStateException("could not load the states of " + analyzer, e);
        }
    }
}
