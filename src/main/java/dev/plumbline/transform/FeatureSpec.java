package dev.plumbline.transform;

/** One feature of a view: a name, an aggregation of a source field, and the window it looks back over. */
public record FeatureSpec(String name, Aggregation aggregation, String field, Window window) {
}
