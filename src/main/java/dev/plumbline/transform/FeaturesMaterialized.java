package dev.plumbline.transform;

import java.time.Instant;
import java.util.Set;

/**
 * New events of a view version reached its tiles, for these entities, at {@code at}; fired inside the
 * materialization transaction so that observers (the online store) commit or roll back with it.
 */
public record FeaturesMaterialized(FeatureViewVersion version, Set<String> entities, Instant at) {
}
