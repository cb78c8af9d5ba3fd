package dev.plumbline.contract;

import dev.plumbline.access.Caller;
import dev.plumbline.access.Role;
import java.util.List;

/**
 * A document's consumer teams as a page offers them to one user: who consumes it, which of the user's own teams
 * they may subscribe (an editor of a team subscribes it), and which subscriptions they may end (that team's
 * editors, or the owning team's).
 */
public record ConsumerChoices(List<String> consumers, List<String> mayAdd, List<String> mayRemove) {

    public static ConsumerChoices of(Caller caller, String owningTeam, List<String> consumers) {
        List<String> mayAdd = caller.teams(Role.EDITOR).stream()
                .filter(team -> !team.equals(owningTeam) && !consumers.contains(team)).toList();
        List<String> mayRemove = consumers.stream()
                .filter(team -> caller.may(owningTeam, Role.EDITOR) || caller.may(team, Role.EDITOR)).toList();
        return new ConsumerChoices(consumers, mayAdd, mayRemove);
    }
}
