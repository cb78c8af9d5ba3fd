package dev.plumbline.transform;

/** Where a tile sits: the entity, the source field, the event-time bucket and the known-at bucket. */
public record TileKey(String entity, String field, long eventBucket, long knownBucket) {
}
