package dev.plumbline.access;

import io.quarkus.security.identity.SecurityIdentity;
import java.util.List;
import java.util.Set;

/**
 * Who asks for something, as a workflow judges it: a user name and the security roles the identity carries
 * ({@code admin}, {@code team:<team>:<role>} for every role a membership includes).
 */
public record Caller(String username, Set<String> roles) {

    public static Caller of(SecurityIdentity identity) {
        return new Caller(identity.isAnonymous() ? "anonymous" : identity.getPrincipal().getName(),
                Set.copyOf(identity.getRoles()));
    }

    public boolean isAdmin() {
        return roles.contains(Account.ADMIN);
    }

    /** Whether the caller holds the role in the team, an administrator holding every role. */
    public boolean may(String team, Role role) {
        return isAdmin() || holds(team, role);
    }

    /** Whether the caller holds the role in the team through a membership, whatever else they may be. */
    public boolean holds(String team, Role role) {
        return roles.contains("team:" + team + ":" + role.key());
    }

    /** The teams in which the caller holds the role through a membership, sorted. */
    public List<String> teams(Role role) {
        String suffix = ":" + role.key();
        return roles.stream().filter(r -> r.startsWith("team:") && r.endsWith(suffix))
                .map(r -> r.substring("team:".length(), r.length() - suffix.length())).sorted().toList();
    }

    /** Refuses, saying who may, unless the caller holds the role in the team. */
    public void require(String team, Role role, String action) {
        if (!may(team, role)) {
            throw new NotAllowed("only " + article(role) + " " + role.key() + " of team " + team + " may " + action);
        }
    }

    private static String article(Role role) {
        return "aeiou".indexOf(role.key().charAt(0)) >= 0 ? "an" : "a";
    }
}
