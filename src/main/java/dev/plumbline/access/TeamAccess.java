package dev.plumbline.access;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import java.util.Collection;

/**
 * Whether this request's user holds a role in a team: an administrator holds every role in every team.
 * Pages and APIs ask it before acting on something a team owns.
 */
@RequestScoped
public class TeamAccess {

    private final SecurityIdentity identity;

    public TeamAccess(SecurityIdentity identity) {
        this.identity = identity;
    }

    public boolean may(String team, Role role) {
        return caller().may(team, role);
    }

    /** Refuses the request (403) unless the user holds the role in every one of the teams. */
    public void require(Collection<String> teams, Role role, String action) {
        teams.forEach(team -> caller().require(team, role, action));
    }

    public Caller caller() {
        return Caller.of(identity);
    }
}
