package dev.plumbline.alert;

import java.time.Instant;

/** One message in the outbox, to one receiver's integration, with its delivery so far. */
public record Notification(long id, String receiver, String kind, String url, String groupKey, String status,
        String summary, String body, Instant createdAt, Instant nextAttemptAt, int attempts, Integer lastStatusCode,
        String lastError, Instant sentAt) {
}
