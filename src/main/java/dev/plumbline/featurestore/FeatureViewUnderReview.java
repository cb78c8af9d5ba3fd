package dev.plumbline.featurestore;

import dev.plumbline.contract.Change;
import dev.plumbline.contract.ChangeRequest;
import dev.plumbline.contract.ChangeRequestState;
import dev.plumbline.contract.Impact;
import dev.plumbline.contract.ProposalCheck;
import dev.plumbline.contract.ReviewSubject;
import dev.plumbline.transform.FeatureViewDefinition;
import dev.plumbline.transform.FeatureViewVersion;
import java.time.Instant;
import java.util.List;

/**
 * One feature view change under review: a new version of the view proposed against its active version, or a
 * rollback to a version that was active before (which is not edited, approved or withdrawn itself: it only
 * becomes active again when the rollback is activated).
 */
final class FeatureViewUnderReview implements ReviewSubject {

    private final FeatureViewReviews reviews;
    private final ChangeRequest request;
    private final FeatureViewVersion proposed;

    FeatureViewUnderReview(FeatureViewReviews reviews, ChangeRequest request) {
        this.reviews = reviews;
        this.request = request;
        this.proposed = reviews.version(request.proposedViewVersionId);
    }

    @Override
    public Ownership ownership() {
        return new Ownership(ChangeRequest.Subject.FEATURE_VIEW, proposed.viewName(), proposed.owningTeam(),
                reviews.consumers(request.featureViewId), "/features/" + proposed.viewName());
    }

    @Override
    public Documents documents() {
        FeatureViewVersion base = request.baseViewVersionId == null ? null
                : reviews.version(request.baseViewVersionId);
        List<Change> changes = base == null ? List.of() : FeatureViewDiff.between(base.definition(), base.yaml(),
                proposed.definition(), proposed.yaml());
        return new Documents(base == null ? null : base.version(), base == null ? null : base.yaml(),
                proposed.version(), proposed.yaml(), changes);
    }

    @Override
    public Impact revise(String yaml) {
        if (isRollback()) {
            throw new IllegalStateException("a rollback cannot be edited; withdraw it and propose a change instead");
        }
        FeatureViewDefinition definition = reviews.parse(yaml);
        if (!definition.name().equals(proposed.viewName()) || !definition.owner().equals(proposed.owningTeam())) {
            throw new IllegalArgumentException("a revision keeps the view's name " + proposed.viewName()
                    + " and owner " + proposed.owningTeam());
        }
        FeatureViewVersion active = reviews.active(proposed.viewName()).orElseThrow();
        List<Change> changes = reviews.verifiedChanges(active, definition, yaml);
        reviews.store().versions(proposed.viewName()).stream()
                .filter(v -> v.version().equals(definition.version()) && v.id() != proposed.id()).findFirst()
                .ifPresent(v -> {
                    throw new IllegalStateException("feature view " + v.viewName() + " already has a version "
                            + v.version() + " (" + v.status() + "); choose another number");
                });
        reviews.store().revise(proposed.id(), definition, yaml,
                request.state == ChangeRequestState.DRAFT ? "draft" : "proposed");
        request.baseViewVersionId = active.id();
        return Impact.of(changes);
    }

    @Override
    public ProposalCheck check(String yaml) {
        return reviews.preview(yaml);
    }

    @Override
    public void moved(ChangeRequestState to, String approvedBy) {
        if (!isRollback()) {
            reviews.store().setStatus(proposed.id(), switch (to) {
                case OPEN -> "proposed";
                case APPROVED -> "approved";
                case WITHDRAWN -> "withdrawn";
                default -> throw new IllegalArgumentException("a change request does not move to " + to.key());
            });
        }
    }

    @Override
    public Activation activate(Instant at) {
        FeatureViewVersion active = reviews.active(proposed.viewName()).orElseThrow();
        if (active.id() != request.baseViewVersionId) {
            throw new IllegalStateException("the active version is now " + active.version()
                    + ", not the one this change was reviewed against; " + (isRollback()
                            ? "withdraw it and propose the rollback again" : "revise it first"));
        }
        reviews.store().setStatus(active.id(), "deprecated");
        reviews.store().setStatus(proposed.id(), "active");
        return new Activation(proposed.version(), active.version());
    }

    private boolean isRollback() {
        return request.kind == ChangeRequest.Kind.ROLLBACK;
    }
}
