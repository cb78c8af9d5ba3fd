package dev.plumbline.access;

import java.time.Instant;

/** One line of the audit log: who did what to which subject, when, from where, with its details as JSON. */
public record AuditEntry(long id, Instant at, String actor, String action, String subjectType, String subjectId,
        String details, String remoteAddress) {
}
