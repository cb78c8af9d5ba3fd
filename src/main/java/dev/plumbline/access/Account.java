package dev.plumbline.access;

import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * A person who can sign in: the global admin flag, the role held in each team, and the security roles
 * these give: {@code admin}; {@code team:<team>:<role>} for every role a membership includes; and plain
 * {@code viewer}, {@code editor}, {@code approver} when any team grants that role.
 */
public record Account(long id, String username, String displayName, String passwordHash, boolean admin,
        Map<String, Role> teams) {

    public static final String ADMIN = "admin";

    /** The security roles of this account. */
    public Set<String> roles() {
        Set<String> roles = new LinkedHashSet<>();
        if (admin) {
            roles.add(ADMIN);
        }
        teams.forEach((team, held) -> {
            for (Role role : Role.values()) {
                if (held.includes(role)) {
                    roles.add(role.key());
                    roles.add("team:" + team + ":" + role.key());
                }
            }
        });
        return roles;
    }
}
