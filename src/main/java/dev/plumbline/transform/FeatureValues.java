package dev.plumbline.transform;

import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;

/**
 * {@code value(entity, as_of)}: a feature's aggregation over the events with event time in
 * (as_of − window, as_of] that were known by as_of (known-at ≤ as_of), so a late event never changes a value
 * as of a time before it arrived.
 *
 * <p>Tiles are keyed by (event-time bucket, known-at bucket). A tile answers for a window only when every event
 * it holds is certainly in it: its event bucket lies strictly inside the window's first and last buckets, and its
 * known bucket ends before the bucket holding as_of. Everything else in the window — the two edge event buckets
 * and whatever became known in as_of's own known bucket — is folded from the raw validated events
 * ({@code feature_event}), so a 30-day window reads about 720 hourly tiles and a few hours of raw events. The
 * two sets are disjoint and together are exactly the events the rule admits. Offline point-in-time joins call
 * the same {@link #valuesAt} with each label's time.
 */
@ApplicationScoped
public class FeatureValues {

    private final DataSource dataSource;

    public FeatureValues(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    public FeatureVector valuesAt(FeatureViewVersion version, String entity, Instant asOf) {
        try (Connection c = dataSource.getConnection()) {
            return valuesAt(c, version, entity, asOf);
        } catch (SQLException e) {
            throw new IllegalStateException("could not compute " + version.viewName() + " for " + entity, e);
        }
    }

    static FeatureVector valuesAt(Connection c, FeatureViewVersion version, String entity, Instant asOf)
            throws SQLException {
        FeatureViewDefinition view = version.definition();
        TileGrid grid = TileGrid.of(view.tileWidth());
        Duration longest = view.features().stream().map(f -> f.window().length()).max(Duration::compareTo)
                .orElseThrow();
        long lastBucket = grid.bucket(asOf);
        long knownBucket = grid.bucket(asOf);
        List<TileStore.Tile> tiles = TileStore.range(c, version.id(), entity, grid.bucket(asOf.minus(longest)),
                lastBucket, knownBucket);
        List<Instant[]> edges = new ArrayList<>();
        edges.add(new Instant[] {grid.start(lastBucket), grid.start(lastBucket + 1)});
        view.features().stream().map(f -> grid.bucket(asOf.minus(f.window().length()))).distinct()
                .forEach(b -> edges.add(new Instant[] {grid.start(b), grid.start(b + 1)}));
        List<FeatureEvent> raw = EventLog.edges(c, version.id(), entity, asOf.minus(longest), asOf, asOf,
                grid.start(knownBucket), edges);
        Map<String, Object> values = new LinkedHashMap<>();
        for (FeatureSpec feature : view.features()) {
            values.put(feature.name(), fold(feature, grid, asOf, tiles, raw).result(feature.aggregation()));
        }
        return new FeatureVector(entity, asOf, values);
    }

    private static TileState fold(FeatureSpec feature, TileGrid grid, Instant asOf, List<TileStore.Tile> tiles,
            List<FeatureEvent> raw) {
        Instant start = asOf.minus(feature.window().length());
        long first = grid.bucket(start);
        long last = grid.bucket(asOf);
        long known = grid.bucket(asOf);
        TileState state = TileState.empty(feature.aggregation() == Aggregation.APPROX_DISTINCT);
        for (TileStore.Tile tile : tiles) {
            if (tile.key().field().equals(feature.field()) && tile.key().eventBucket() > first) {
                state.merge(tile.state());
            }
        }
        for (FeatureEvent event : raw) {
            long bucket = grid.bucket(event.eventTime());
            boolean inTile = bucket > first && bucket < last && grid.bucket(event.knownAt()) < known;
            if (!inTile && event.eventTime().isAfter(start) && !event.eventTime().isAfter(asOf)
                    && !event.knownAt().isAfter(asOf)) {
                state.add(event.values().get(feature.field()), event.eventTime(), event.knownAt(),
                        event.stagedRecordId());
            }
        }
        return state;
    }
}
