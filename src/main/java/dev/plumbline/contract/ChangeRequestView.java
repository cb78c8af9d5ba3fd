package dev.plumbline.contract;

import java.time.Instant;
import java.util.List;

/**
 * A change request as reviewers and API clients see it: what it proposes against which active version, the
 * field-by-field changes and their classification, the approvals it has and lacks, and every review.
 * {@code subject} is {@code contract} (then {@code dataset} names the dataset) or {@code feature_view};
 * {@code name} names the document either way and {@code link} is its page.
 */
public record ChangeRequestView(long id, String subject, String name, String link, String dataset, String owningTeam, String kind, String state, String title,
        String author, int revision, String baseVersion, String proposedVersion, String impact, String requiredBump,
        List<Change> changes, ApprovalsView approvals, List<ReviewView> reviews, String baseYaml,
        String proposedYaml, Instant createdAt, Instant updatedAt) {

    /** The approvals of the current revision: required teams, who approved for which, who asked for changes. */
    public record ApprovalsView(List<String> requiredTeams, java.util.Map<String, String> approvedBy,
            List<String> missing, List<String> changesRequestedBy, boolean complete) {
    }

    /** One review as shown: on which revision, by whom, with what verdict, on which line. */
    public record ReviewView(long id, int revision, String reviewer, String verdict, List<String> forTeams,
            String body, Integer line, Instant at) {
    }

    /** The proposed document's lines, numbered from 1, for reading and for comments on a line. */
    public List<String> proposedLines() {
        return List.of(proposedYaml.split("\\R", -1));
    }

    public boolean isUnderReview() {
        return state.equals("open") || state.equals("approved");
    }

    /** The base and the proposed document side by side, line by line, for reading the whole change. */
    public List<SideBySide.Row> sideBySide() {
        return SideBySide.of(baseYaml, proposedYaml);
    }

    static ChangeRequestView of(ChangeRequest request, ReviewSubject.Ownership owner, ReviewSubject.Documents documents,
            Approvals approvals, List<Review> reviews) {
        ApprovalsView approvalsView = new ApprovalsView(approvals.requiredTeams(), approvals.approvedBy(),
                approvals.missing(), approvals.changesRequestedBy(), approvals.complete());
        Impact needed = Impact.of(documents.changes());
        String base = documents.baseVersion();
        boolean contract = owner.subject() == ChangeRequest.Subject.CONTRACT;
        return new ChangeRequestView(request.id, contract ? "contract" : "feature_view", owner.name(), owner.link(),
                contract ? owner.name() : null, owner.owningTeam(), request.kind.name().toLowerCase(),
                request.state.key(), request.title, request.author, request.revision, base,
                documents.proposedVersion(), request.impact.key(),
                base == null ? null : SemanticVersion.parse(base).bump(needed).toString(), documents.changes(),
                approvalsView, reviews.stream().map(r -> new ReviewView(r.id, r.revision, r.reviewer,
                        r.verdict.key(), List.of(r.forTeams), r.body, r.line, r.createdAt)).toList(),
                documents.baseText(), documents.proposedText(), request.createdAt, request.updatedAt);
    }
}
