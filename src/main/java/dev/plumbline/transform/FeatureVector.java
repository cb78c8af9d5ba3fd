package dev.plumbline.transform;

import java.time.Instant;
import java.util.Map;

/** The values of a view's features for one entity as of one instant (null where a feature has no value). */
public record FeatureVector(String entity, Instant asOf, Map<String, Object> values) {
}
