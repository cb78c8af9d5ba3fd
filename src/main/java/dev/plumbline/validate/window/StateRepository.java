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
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;

/**
 * The analyzer states of every validation run, in PostgreSQL, after Deequ's MetricsRepository: save a run's
 * states, load one analyzer's states merged over a window, or list them over time (for drift charts). Call it
 * inside the validation transaction, so a rolled-back run leaves no states.
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
    private static final String LATEST = """
            SELECT state::text, computed_at, validation_run_id FROM analyzer_state
            WHERE dataset_id = ? AND analyzer_key = ? AND computed_at <= ?
            ORDER BY computed_at DESC LIMIT ?""";
    private static final int SHOWN_DEFINITION = 500;

    private final DataSource dataSource;

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
        List<StoredState> stored = window.batches() != null
                ? latest(datasetId, analyzer, now, window.batches() - 1)
                : history(datasetId, analyzer, now.minus(window.span()), now);
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

    private List<StoredState> latest(long datasetId, Analyzer<?, ?> analyzer, Instant until, int count) {
        if (count == 0) {
            return List.of();
        }
        return query(analyzer, LATEST, s -> {
            s.setLong(1, datasetId);
            s.setString(2, StateCodec.key(analyzer));
            s.setTimestamp(3, Timestamp.from(until));
            s.setInt(4, count);
        });
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
