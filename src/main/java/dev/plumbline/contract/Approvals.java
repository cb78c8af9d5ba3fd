package dev.plumbline.contract;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Which approvals a change request has and still needs on its current revision: an approver of the owning
 * team always, and for a breaking change an approver of each consumer team too. A reviewer's latest verdict
 * on the revision counts, so asking for changes and later approving lifts the request.
 */
public record Approvals(List<String> requiredTeams, Map<String, String> approvedBy, List<String> changesRequestedBy) {

    public static Approvals of(Impact impact, String owningTeam, List<String> consumerTeams, int revision,
            List<Review> reviews) {
        Set<String> required = new LinkedHashSet<>();
        required.add(owningTeam);
        if (impact == Impact.BREAKING) {
            required.addAll(consumerTeams);
        }
        Map<String, Review> latest = new LinkedHashMap<>();
        for (Review review : reviews) {
            if (review.revision == revision && review.verdict != Verdict.COMMENT) {
                latest.remove(review.reviewer);
                latest.put(review.reviewer, review);
            }
        }
        Map<String, String> approvedBy = new LinkedHashMap<>();
        List<String> changesRequested = new ArrayList<>();
        for (Review review : latest.values()) {
            if (review.verdict == Verdict.REQUEST_CHANGES) {
                changesRequested.add(review.reviewer);
            } else {
                for (String team : review.forTeams) {
                    if (required.contains(team)) {
                        approvedBy.putIfAbsent(team, review.reviewer);
                    }
                }
            }
        }
        return new Approvals(List.copyOf(required), approvedBy, changesRequested);
    }

    /** The required teams no approver has approved for yet. */
    public List<String> missing() {
        return requiredTeams.stream().filter(team -> !approvedBy.containsKey(team)).toList();
    }

    public boolean complete() {
        return missing().isEmpty() && changesRequestedBy.isEmpty();
    }
}
