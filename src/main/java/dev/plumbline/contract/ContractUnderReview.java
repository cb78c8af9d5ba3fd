package dev.plumbline.contract;

import java.time.Instant;

/** One contract change under review: a new version of a dataset's contract, or a rollback to an earlier one. */
final class ContractUnderReview implements ReviewSubject {

    private final ContractReviews reviews;
    private final ChangeRequest request;
    private final Dataset dataset;

    ContractUnderReview(ContractReviews reviews, ChangeRequest request, Dataset dataset) {
        this.reviews = reviews;
        this.request = request;
        this.dataset = dataset;
    }

    @Override
    public Ownership ownership() {
        return new Ownership(ChangeRequest.Subject.CONTRACT, dataset.name, dataset.owningTeam,
                reviews.consumers(dataset), "/contracts/" + dataset.name);
    }

    @Override
    public Documents documents() {
        ContractVersion base = request.baseVersionId == null ? null : ContractVersion.findById(request.baseVersionId);
        ContractVersion proposed = proposed();
        ContractDiff diff = ContractDiff.between(reviews.parsed(base), reviews.parsed(proposed));
        return new Documents(base == null ? null : base.version, base == null ? null : base.odcsYaml,
                proposed.version, proposed.odcsYaml, diff.changes());
    }

    @Override
    public Impact revise(String odcsYaml) {
        if (request.kind == ChangeRequest.Kind.ROLLBACK) {
            throw new IllegalStateException("a rollback cannot be edited; withdraw it and propose a change instead");
        }
        OdcsContract proposed = reviews.parse(odcsYaml);
        ContractVersion active = ContractReviews.active(dataset);
        Impact impact = reviews.verifiedImpact(active, proposed);
        ContractVersion version = proposed();
        ContractReviews.requireUnusedNumber(dataset, proposed.version(), version.id);
        request.baseVersionId = active.id;
        version.version = proposed.version();
        version.odcsYaml = odcsYaml;
        version.status = request.state == ChangeRequestState.DRAFT ? ContractStatus.DRAFT : ContractStatus.PROPOSED;
        version.approvedBy = null;
        return impact;
    }

    @Override
    public ProposalCheck check(String odcsYaml) {
        return reviews.preview(dataset, odcsYaml);
    }

    @Override
    public void moved(ChangeRequestState to, String approvedBy) {
        if (request.kind == ChangeRequest.Kind.CHANGE) {
            ContractVersion version = proposed();
            version.status = switch (to) {
                case OPEN -> ContractStatus.PROPOSED;
                case APPROVED -> ContractStatus.APPROVED;
                case WITHDRAWN -> ContractStatus.RETIRED;
                default -> throw new IllegalArgumentException("a change request does not move to " + to.key());
            };
            version.approvedBy = approvedBy;
        }
    }

    @Override
    public Activation activate(Instant at) {
        ContractVersion active = ContractReviews.active(dataset);
        if (!active.id.equals(request.baseVersionId)) {
            throw new IllegalStateException("the active version is now " + active.version
                    + ", not the one this change was reviewed against; revise it first");
        }
        active.status = ContractStatus.DEPRECATED;
        active.flush();
        ContractVersion next = proposed();
        next.status = ContractStatus.ACTIVE;
        next.activatedAt = at;
        return new Activation(next.version, active.version);
    }

    private ContractVersion proposed() {
        return ContractVersion.findById(request.proposedVersionId);
    }
}
