package dev.plumbline.alert;

import java.time.Instant;
import java.util.Set;
import java.util.SortedMap;

/** An aggregation group as stored: when it is next looked at and which firing alerts its receiver was told of. */
public record AlertGroup(String key, String routeId, String receiver, SortedMap<String, String> groupLabels, Instant createdAt,
        Instant nextFlushAt, Instant lastNotifiedAt, Set<String> notifiedFiring) {
}
