package dev.plumbline.access;

import java.time.Instant;

/** An API token as its owner sees it later: never the token itself, only its name and use. */
public record ApiToken(long id, String name, Instant createdAt, Instant lastUsedAt, Instant revokedAt) {

    public boolean isRevoked() {
        return revokedAt != null;
    }
}
