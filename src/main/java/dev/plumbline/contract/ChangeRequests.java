package dev.plumbline.contract;

import dev.plumbline.access.Caller;
import dev.plumbline.access.NotAllowed;
import dev.plumbline.access.RequestAudit;
import dev.plumbline.access.Role;
import dev.plumbline.access.TeamAccess;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;

/**
 * The review workflow of change requests, the same for every kind of document ({@link ReviewSubject}) and for
 * the browser and the API: open, revise, review, activate and withdraw, each checked against who the caller is
 * and each in the audit log.
 */
@ApplicationScoped
@Transactional
public class ChangeRequests {

    private final Instance<ReviewSubjects> subjects;
    private final TeamAccess access;
    private final RequestAudit audit;
    private final Clock clock = Clock.systemUTC();

    public ChangeRequests(@Any Instance<ReviewSubjects> subjects, TeamAccess access, RequestAudit audit) {
        this.subjects = subjects;
        this.access = access;
        this.audit = audit;
    }

    /**
     * Opens a change request, for review or as a draft, whose subject, kind and versions the caller has set and
     * checked; the caller is its author. The subject's service records the proposal in the audit log with what it
     * knows.
     */
    public ChangeRequest open(ChangeRequest request, String title, String version, Impact impact, boolean draft) {
        Instant now = clock.instant();
        request.state = draft ? ChangeRequestState.DRAFT : ChangeRequestState.OPEN;
        request.title = title(title, version);
        request.author = access.caller().username();
        request.impact = impact;
        request.revision = 1;
        request.createdAt = now;
        request.updatedAt = now;
        request.persist();
        return request;
    }

    /** A new revision of a proposal: the author's or an editor's of the owning team; approvals start over. */
    public ChangeRequest revise(long id, String text) {
        ChangeRequest request = request(id);
        ReviewSubject subject = subject(request);
        ReviewSubject.Ownership owner = subject.ownership();
        requireAuthorOr(request, owner, Role.EDITOR, "edit a change to " + describe(owner));
        request.requireEditable();
        Impact impact = subject.revise(text);
        request.revise(impact, clock.instant());
        audit.record("change_request.revised", "change_request", request.id.toString(), Map.of("revision",
                request.revision, "version", subject.documents().proposedVersion(), "impact",
                impact.name().toLowerCase()));
        return request;
    }

    /** Puts a draft up for review: the author's, or an editor's of the owning team. */
    public ChangeRequest submit(long id) {
        ChangeRequest request = request(id);
        ReviewSubject subject = subject(request);
        ReviewSubject.Ownership owner = subject.ownership();
        requireAuthorOr(request, owner, Role.EDITOR, "submit a change to " + describe(owner));
        request.submit(clock.instant());
        subject.moved(ChangeRequestState.OPEN, null);
        audit.record("change_request.submitted", "change_request", request.id.toString(),
                Map.of("revision", request.revision));
        return request;
    }

    /** Records a review; an approval that completes the required ones approves the change request. */
    public Review review(long id, Verdict verdict, String body, Integer line) {
        ChangeRequest request = request(id);
        ReviewSubject subject = subject(request);
        ReviewSubject.Ownership owner = subject.ownership();
        Caller caller = access.caller();
        List<String> forTeams = reviewerTeams(caller, request, owner, verdict);
        if (verdict != Verdict.COMMENT && request.state == ChangeRequestState.DRAFT) {
            throw new IllegalStateException("change request " + id + " is a draft; its author submits it for review "
                    + "before anyone approves it or requests changes");
        }
        if (verdict != Verdict.COMMENT && !request.isUnderReview()) {
            throw new IllegalStateException("change request " + id + " is " + request.state.key()
                    + "; it takes no more approvals");
        }
        Review review = new Review();
        review.changeRequestId = request.id;
        review.revision = request.revision;
        review.reviewer = caller.username();
        review.verdict = verdict;
        review.forTeams = forTeams.toArray(String[]::new);
        review.body = body == null || body.isBlank() ? null : body.strip();
        review.line = line;
        review.createdAt = clock.instant();
        review.persist();
        audit.record("change_request." + verdict.key(), "change_request", request.id.toString(), Map.of(
                "revision", request.revision, "forTeams", forTeams, "line", line == null ? "" : line));
        Approvals approvals = approvals(request, owner);
        if (request.state == ChangeRequestState.OPEN && approvals.complete()) {
            request.approve(review.createdAt);
            subject.moved(ChangeRequestState.APPROVED, String.join(",", approvals.approvedBy().values()));
            audit.record("change_request.approved", "change_request", request.id.toString(),
                    Map.of("approvedBy", approvals.approvedBy()));
        }
        return review;
    }

    /** Makes an approved change's version the active one, and the version it replaces deprecated. */
    public ChangeRequest activate(long id) {
        ChangeRequest request = request(id);
        ReviewSubject subject = subject(request);
        ReviewSubject.Ownership owner = subject.ownership();
        requireAuthorOr(request, owner, Role.EDITOR, "activate a change to " + describe(owner));
        Instant now = clock.instant();
        ReviewSubject.Activation activation = subject.activate(now);
        request.activate(now);
        audit.record("change_request.activated", "change_request", request.id.toString(),
                Map.of("version", activation.version(), "previous", activation.previous()));
        boolean contract = owner.subject() == ChangeRequest.Subject.CONTRACT;
        audit.record(contract ? "contract.activated" : "feature_view.activated", contract ? "dataset"
                : "feature_view", owner.name(), Map.of("version", activation.version(),
                        "previous", activation.previous(), "changeRequest", request.id));
        return request;
    }

    /** Withdraws a change request: the author's or an approver's of the owning team. */
    public ChangeRequest withdraw(long id) {
        ChangeRequest request = request(id);
        ReviewSubject subject = subject(request);
        ReviewSubject.Ownership owner = subject.ownership();
        requireAuthorOr(request, owner, Role.APPROVER, "withdraw someone else's change to " + owner.name());
        request.withdraw(clock.instant());
        subject.moved(ChangeRequestState.WITHDRAWN, null);
        audit.record("change_request.withdrawn", "change_request", request.id.toString(), Map.of());
        return request;
    }

    /** Checks a new text for a change request as its editor types it, storing nothing. */
    public ProposalCheck check(long id, String text) {
        return subject(request(id)).check(text);
    }

    /** A change request with its diff, approvals and reviews, as pages and the API show it. */
    public ChangeRequestView view(long id) {
        ChangeRequest request = request(id);
        ReviewSubject subject = subject(request);
        ReviewSubject.Ownership owner = subject.ownership();
        return ChangeRequestView.of(request, owner, subject.documents(), approvals(request, owner),
                Review.of(request.id));
    }

    /** The approvals a change request has and still needs on its current revision. */
    private static Approvals approvals(ChangeRequest request, ReviewSubject.Ownership owner) {
        return Approvals.of(request.impact, owner.owningTeam(), owner.consumerTeams(), request.revision,
                Review.of(request.id));
    }

    /** The author may; anyone else needs the role in the owning team. */
    private void requireAuthorOr(ChangeRequest request, ReviewSubject.Ownership owner, Role role, String action) {
        Caller caller = access.caller();
        if (!caller.username().equals(request.author)) {
            caller.require(owner.owningTeam(), role, action);
        }
    }

    private List<String> reviewerTeams(Caller caller, ChangeRequest request, ReviewSubject.Ownership owner,
            Verdict verdict) {
        List<String> related = new ArrayList<>();
        related.add(owner.owningTeam());
        related.addAll(owner.consumerTeams());
        if (verdict == Verdict.COMMENT) {
            if (related.stream().noneMatch(team -> caller.may(team, Role.VIEWER))) {
                throw new NotAllowed("only members of " + String.join(", ", related) + " may comment on this change");
            }
            return List.of();
        }
        if (caller.username().equals(request.author)) {
            throw new NotAllowed("the author of a change cannot approve it or request changes to it");
        }
        List<String> required = Approvals.of(request.impact, owner.owningTeam(), owner.consumerTeams(),
                request.revision, List.of()).requiredTeams();
        List<String> teams = required.stream().filter(team -> caller.holds(team, Role.APPROVER)).toList();
        if (teams.isEmpty()) {
            throw new NotAllowed("only an approver of " + String.join(" or ", required)
                    + " may approve this change or request changes to it");
        }
        return teams;
    }

    private ReviewSubject subject(ChangeRequest request) {
        return subjects.stream().filter(s -> s.subject() == request.subject).findFirst()
                .orElseThrow(() -> new IllegalStateException("no review subject " + request.subject))
                .of(request);
    }

    private static String describe(ReviewSubject.Ownership owner) {
        return owner.subject() == ChangeRequest.Subject.CONTRACT ? "the contract of " + owner.name()
                : "feature view " + owner.name();
    }

    private static ChangeRequest request(long id) {
        return ChangeRequest.<ChangeRequest>findByIdOptional(id)
                .orElseThrow(() -> new NoSuchElementException("no change request " + id));
    }

    private static String title(String title, String version) {
        if (title == null || title.isBlank()) {
            return "Version " + version;
        }
        if (title.strip().length() > 200) {
            throw new IllegalArgumentException("a title has at most 200 characters");
        }
        return title.strip();
    }
}
