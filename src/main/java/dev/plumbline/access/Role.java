package dev.plumbline.access;

import java.util.Locale;

/**
 * What a member may do in a team, each role including the ones before it: a viewer reads, an editor also
 * writes datasets and contracts, an approver (a team's owner) also approves changes.
 */
public enum Role {
    VIEWER, EDITOR, APPROVER;

    /** The role as stored and as it appears in security roles. */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Whether this role includes what the other one may do. */
    public boolean includes(Role other) {
        return compareTo(other) >= 0;
    }

    public static Role of(String key) {
        return valueOf(key.toUpperCase(Locale.ROOT));
    }
}
