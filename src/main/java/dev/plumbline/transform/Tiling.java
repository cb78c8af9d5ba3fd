package dev.plumbline.transform;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/** Folds events into tile states by (entity, source field, event-time bucket, known-at bucket). */
final class Tiling {

    private Tiling() {
    }

    static Map<TileKey, TileState> of(Iterable<FeatureEvent> events, FeatureViewDefinition view) {
        TileGrid grid = TileGrid.of(view.tileWidth());
        Set<String> sketched = view.features().stream().filter(f -> f.aggregation() == Aggregation.APPROX_DISTINCT)
                .map(FeatureSpec::field).collect(Collectors.toSet());
        Map<TileKey, TileState> tiles = new HashMap<>();
        for (FeatureEvent event : events) {
            for (String field : view.sourceFields()) {
                if (!event.values().has(field)) {
                    continue;
                }
                TileKey key = new TileKey(event.entity(), field, grid.bucket(event.eventTime()),
                        grid.bucket(event.knownAt()));
                tiles.computeIfAbsent(key, k -> TileState.empty(sketched.contains(field)))
                        .add(event.values().get(field), event.eventTime(), event.knownAt(), event.stagedRecordId());
            }
        }
        return tiles;
    }
}
