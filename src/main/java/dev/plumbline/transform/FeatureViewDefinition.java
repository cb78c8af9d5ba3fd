package dev.plumbline.transform;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * A feature view as written in YAML: the entity key and event-time fields of a source dataset, its owning team
 * and semantic version, its features and its SLAs.
 */
public record FeatureViewDefinition(String name, String entityKey, String source, String eventTimeField,
        String owner, String version, String description, List<FeatureSpec> features, FeatureSla sla) {

    /** The source fields the features read, each once, in the order the features name them. */
    public List<String> sourceFields() {
        return features.stream().map(FeatureSpec::field).distinct().toList();
    }

    public Optional<FeatureSpec> feature(String featureName) {
        return features.stream().filter(f -> f.name().equals(featureName)).findFirst();
    }

    /** The width of a tile: the coarsest of an hour, a minute and a second that divides every window. */
    public Duration tileWidth() {
        for (Duration width : List.of(Duration.ofHours(1), Duration.ofMinutes(1))) {
            if (features.stream().allMatch(f -> f.window().length().toSeconds() % width.toSeconds() == 0)) {
                return width;
            }
        }
        return Duration.ofSeconds(1);
    }
}
