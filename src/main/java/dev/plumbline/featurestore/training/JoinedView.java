package dev.plumbline.featurestore.training;

import dev.plumbline.transform.FeatureViewVersion;
import dev.plumbline.transform.PointInTimeJoin;

/** One feature view version's part of a training set: the version pinned, its entity column, its joined values. */
record JoinedView(FeatureViewVersion version, String entityColumn, PointInTimeJoin.Joined joined) {

    String newestEventTimeColumn() {
        return version.viewName() + "__newest_event_time";
    }

    String newestKnownAtColumn() {
        return version.viewName() + "__newest_known_at";
    }
}
