package dev.plumbline.transform;

import java.time.Instant;

/** One stored, immutable version of a feature view, with the team that owns the view and who applied it. */
public record FeatureViewVersion(long id, String viewName, String owningTeam, long datasetId, String version,
        String status, FeatureViewDefinition definition, String yaml, String createdBy, Instant createdAt) {
}
