package dev.plumbline.contract;

import dev.plumbline.access.Caller;
import dev.plumbline.access.NotAllowed;
import dev.plumbline.access.RequestAudit;
import dev.plumbline.access.Role;
import dev.plumbline.access.TeamAccess;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;

/**
 * The review workflow of contract changes, the same for the browser and the API: propose, revise, review,
 * activate, withdraw and roll back, each checked against who the caller is and each in the audit log.
 */
@ApplicationScoped
@Transactional
public class ChangeRequests {

    private final DatasetRegistry registry;
    private final TeamAccess access;
    private final RequestAudit audit;
    private final Clock clock = Clock.systemUTC();

    public ChangeRequests(DatasetRegistry registry, TeamAccess access, RequestAudit audit) {
        this.registry = registry;
        this.access = access;
        this.audit = audit;
    }

    /** Proposes a new version of a dataset's contract; refused if it is invalid or its number understates it. */
    public ChangeRequest propose(String datasetName, String title, String odcsYaml) {
        Dataset dataset = dataset(datasetName);
        access.caller().require(dataset.owningTeam, Role.EDITOR, "propose a change to the contract of " + dataset.name);
        OdcsContract proposed = registry.parse(odcsYaml);
        ContractVersion active = active(dataset);
        Impact impact = verifiedImpact(active, proposed);
        requireUnusedNumber(dataset, proposed.version(), null);
        Instant now = clock.instant();
        ContractVersion version = new ContractVersion();
        version.datasetId = dataset.id;
        version.version = proposed.version();
        version.status = ContractStatus.PROPOSED;
        version.odcsYaml = odcsYaml;
        version.createdBy = access.caller().username();
        version.createdAt = now;
        version.persist();
        ChangeRequest request = open(dataset, ChangeRequest.Kind.CHANGE, title, active, version, impact, now);
        audit.record("change_request.proposed", "change_request", request.id.toString(), Map.of("dataset",
                dataset.name, "version", version.version, "impact", impact.name().toLowerCase()));
        return request;
    }

    /** Proposes to make an earlier version of a dataset's contract active again. */
    public ChangeRequest proposeRollback(String datasetName, String title, String targetVersion) {
        Dataset dataset = dataset(datasetName);
        access.caller().require(dataset.owningTeam, Role.EDITOR, "propose a rollback of " + dataset.name);
        ContractVersion active = active(dataset);
        ContractVersion target = ContractVersion.<ContractVersion>find("datasetId = ?1 and version = ?2", dataset.id,
                targetVersion).firstResultOptional().orElseThrow(() -> new NoSuchElementException(
                        "dataset " + dataset.name + " has no contract version " + targetVersion));
        if (target.status != ContractStatus.DEPRECATED) {
            throw new IllegalStateException("only a version that was active before can be rolled back to; "
                    + targetVersion + " is " + target.status.name().toLowerCase());
        }
        Impact impact = ContractDiff.between(parsed(active), parsed(target)).impact();
        ChangeRequest request = open(dataset, ChangeRequest.Kind.ROLLBACK, title == null || title.isBlank()
                ? "Roll back to " + targetVersion : title, active, target, impact, clock.instant());
        audit.record("change_request.proposed", "change_request", request.id.toString(), Map.of("dataset",
                dataset.name, "rollbackTo", targetVersion, "impact", impact.name().toLowerCase()));
        return request;
    }

    /** A new revision of a proposal: the author's or an editor's of the owning team; approvals start over. */
    public ChangeRequest revise(long id, String odcsYaml) {
        ChangeRequest request = request(id);
        Dataset dataset = Dataset.findById(request.datasetId);
        requireAuthorOr(request, dataset, Role.EDITOR, "edit a change to the contract of " + dataset.name);
        if (request.kind == ChangeRequest.Kind.ROLLBACK) {
            throw new IllegalStateException("a rollback cannot be edited; withdraw it and propose a change instead");
        }
        OdcsContract proposed = registry.parse(odcsYaml);
        ContractVersion active = active(dataset);
        Impact impact = verifiedImpact(active, proposed);
        ContractVersion version = ContractVersion.findById(request.proposedVersionId);
        requireUnusedNumber(dataset, proposed.version(), version.id);
        request.revise(active.id, impact, clock.instant());
        version.version = proposed.version();
        version.odcsYaml = odcsYaml;
        version.status = ContractStatus.PROPOSED;
        version.approvedBy = null;
        audit.record("change_request.revised", "change_request", request.id.toString(), Map.of("revision",
                request.revision, "version", version.version, "impact", impact.name().toLowerCase()));
        return request;
    }

    /** Records a review; an approval that completes the required ones approves the change request. */
    public Review review(long id, Verdict verdict, String body, Integer line) {
        ChangeRequest request = request(id);
        Dataset dataset = Dataset.findById(request.datasetId);
        Caller caller = access.caller();
        List<String> consumers = registry.consumers(dataset.id);
        List<String> forTeams = reviewerTeams(caller, request, dataset, consumers, verdict);
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
        Approvals approvals = approvals(request, dataset, consumers);
        if (request.state == ChangeRequestState.OPEN && approvals.complete()) {
            request.approve(review.createdAt);
            ContractVersion version = ContractVersion.findById(request.proposedVersionId);
            if (request.kind == ChangeRequest.Kind.CHANGE) {
                version.status = ContractStatus.APPROVED;
                version.approvedBy = String.join(",", approvals.approvedBy().values());
            }
            audit.record("change_request.approved", "change_request", request.id.toString(),
                    Map.of("approvedBy", approvals.approvedBy()));
        }
        return review;
    }

    /** Makes an approved change the active contract; the next micro-batch is validated with it. */
    public ChangeRequest activate(long id) {
        ChangeRequest request = request(id);
        Dataset dataset = Dataset.findById(request.datasetId);
        requireAuthorOr(request, dataset, Role.EDITOR, "activate a change to the contract of " + dataset.name);
        ContractVersion active = active(dataset);
        if (!active.id.equals(request.baseVersionId)) {
            throw new IllegalStateException("the active version is now " + active.version
                    + ", not the one this change was reviewed against; revise it first");
        }
        Instant now = clock.instant();
        request.activate(now);
        active.status = ContractStatus.DEPRECATED;
        active.flush();
        ContractVersion next = ContractVersion.findById(request.proposedVersionId);
        next.status = ContractStatus.ACTIVE;
        next.activatedAt = now;
        audit.record("change_request.activated", "change_request", request.id.toString(),
                Map.of("version", next.version, "previous", active.version));
        audit.record("contract.activated", "dataset", dataset.name, Map.of("version", next.version,
                "previous", active.version, "changeRequest", request.id));
        return request;
    }

    /** Withdraws a change request: the author's or an approver's of the owning team. */
    public ChangeRequest withdraw(long id) {
        ChangeRequest request = request(id);
        Dataset dataset = Dataset.findById(request.datasetId);
        requireAuthorOr(request, dataset, Role.APPROVER, "withdraw someone else's change to " + dataset.name);
        request.withdraw(clock.instant());
        if (request.kind == ChangeRequest.Kind.CHANGE) {
            ContractVersion.<ContractVersion>findById(request.proposedVersionId).status = ContractStatus.RETIRED;
        }
        audit.record("change_request.withdrawn", "change_request", request.id.toString(), Map.of());
        return request;
    }

    /** A change request with its diff, approvals and reviews, as pages and the API show it. */
    public ChangeRequestView view(long id) {
        ChangeRequest request = request(id);
        Dataset dataset = Dataset.findById(request.datasetId);
        ContractVersion base = request.baseVersionId == null ? null : ContractVersion.findById(request.baseVersionId);
        ContractVersion proposed = ContractVersion.findById(request.proposedVersionId);
        ContractDiff diff = ContractDiff.between(parsed(base), parsed(proposed));
        return ChangeRequestView.of(request, dataset, base, proposed, diff,
                approvals(request, dataset, registry.consumers(dataset.id)), Review.of(request.id));
    }

    /** The change requests of a dataset, newest first. */
    public List<ChangeRequestView> ofDataset(String datasetName) {
        Dataset dataset = dataset(datasetName);
        return ChangeRequest.<ChangeRequest>list("datasetId = ?1 order by id desc", dataset.id).stream()
                .map(request -> view(request.id)).toList();
    }

    /** The approvals a change request has and still needs on its current revision. */
    Approvals approvals(ChangeRequest request, Dataset dataset, List<String> consumers) {
        return Approvals.of(request.impact, dataset.owningTeam, consumers, request.revision, Review.of(request.id));
    }

    /** The author may; anyone else needs the role in the owning team. */
    private void requireAuthorOr(ChangeRequest request, Dataset dataset, Role role, String action) {
        Caller caller = access.caller();
        if (!caller.username().equals(request.author)) {
            caller.require(dataset.owningTeam, role, action);
        }
    }

    private List<String> reviewerTeams(Caller caller, ChangeRequest request, Dataset dataset, List<String> consumers,
            Verdict verdict) {
        List<String> related = new ArrayList<>();
        related.add(dataset.owningTeam);
        related.addAll(consumers);
        if (verdict == Verdict.COMMENT) {
            if (related.stream().noneMatch(team -> caller.may(team, Role.VIEWER))) {
                throw new NotAllowed("only members of " + String.join(", ", related) + " may comment on this change");
            }
            return List.of();
        }
        if (caller.username().equals(request.author)) {
            throw new NotAllowed("the author of a change cannot approve it or request changes to it");
        }
        List<String> required = Approvals.of(request.impact, dataset.owningTeam, consumers, request.revision,
                List.of()).requiredTeams();
        List<String> teams = required.stream().filter(team -> caller.holds(team, Role.APPROVER)).toList();
        if (teams.isEmpty()) {
            throw new NotAllowed("only an approver of " + String.join(" or ", required)
                    + " may approve this change or request changes to it");
        }
        return teams;
    }

    private ChangeRequest open(Dataset dataset, ChangeRequest.Kind kind, String title, ContractVersion base,
            ContractVersion proposed, Impact impact, Instant now) {
        ChangeRequest request = new ChangeRequest();
        request.datasetId = dataset.id;
        request.kind = kind;
        request.state = ChangeRequestState.OPEN;
        request.title = title(title, proposed.version);
        request.author = access.caller().username();
        request.baseVersionId = base.id;
        request.proposedVersionId = proposed.id;
        request.impact = impact;
        request.revision = 1;
        request.createdAt = now;
        request.updatedAt = now;
        request.persist();
        return request;
    }

    private Impact verifiedImpact(ContractVersion active, OdcsContract proposed) {
        ContractDiff diff = ContractDiff.between(parsed(active), proposed);
        if (diff.isEmpty() && active.version.equals(proposed.version())) {
            throw new IllegalArgumentException("the proposed contract is the same as the active version "
                    + active.version);
        }
        VersionCheck.verify(active.version, proposed.version(), diff);
        return diff.impact();
    }

    private static void requireUnusedNumber(Dataset dataset, String version, Long except) {
        ContractVersion.<ContractVersion>find("datasetId = ?1 and version = ?2", dataset.id, version)
                .firstResultOptional().filter(v -> !v.id.equals(except)).ifPresent(v -> {
                    throw new IllegalStateException("dataset " + dataset.name + " already has a version " + version
                            + " (" + v.status.name().toLowerCase() + "); choose another number");
                });
    }

    private OdcsContract parsed(ContractVersion version) {
        return registry.stored(version);
    }

    private Dataset dataset(String name) {
        return registry.get(name).orElseThrow(() -> new NoSuchElementException("no dataset " + name));
    }

    private static ContractVersion active(Dataset dataset) {
        return ContractVersion.findActive(dataset.id).orElseThrow(() -> new IllegalStateException(
                "dataset " + dataset.name + " has no contract yet; give it its first one"));
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
