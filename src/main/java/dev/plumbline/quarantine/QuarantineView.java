package dev.plumbline.quarantine;

import java.util.List;
import java.util.Set;

/**
 * The quarantine page's content: the filter and its choices, a page of matching entries, how many match in all,
 * which of them this user may act on, and the outcome of the action just taken.
 */
public record QuarantineView(QuarantineFilter filter, List<String> datasets, List<String> rules,
        List<QuarantineEntry> entries, long total, Long nextBefore, Set<String> actingTeams,
        boolean mayActOnAllMatching, Notice notice) {

    public boolean mayAct(QuarantineEntry entry) {
        return entry.isOpen() && actingTeams.contains(entry.owningTeam());
    }

    /** Whether to offer the actions: some record shown, or all that match, may be acted on by this user. */
    public boolean showActions() {
        return entries.stream().anyMatch(this::mayAct)
                || mayActOnAllMatching && filter.status() == QuarantineStatus.OPEN && total > 0;
    }

    public List<QuarantineStatus> statuses() {
        return List.of(QuarantineStatus.values());
    }

    /** The link to the next, older page of the same filter. */
    public String olderLink() {
        String query = filter.query();
        return "/quarantine?" + (query.isEmpty() ? "" : query + "&") + "before=" + nextBefore;
    }

    public String from() {
        return QuarantineFilter.formInput(filter.from());
    }

    public String to() {
        return QuarantineFilter.formInput(filter.to());
    }
}
