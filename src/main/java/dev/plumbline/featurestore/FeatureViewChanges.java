package dev.plumbline.featurestore;

import dev.plumbline.access.AuditLog;
import dev.plumbline.access.Caller;
import dev.plumbline.access.Role;
import dev.plumbline.contract.ChangeRequest;
import dev.plumbline.contract.ChangeRequests;
import dev.plumbline.contract.Impact;
import dev.plumbline.transform.FeatureSpec;
import dev.plumbline.transform.FeatureViewDefinition;
import dev.plumbline.transform.FeatureViewVersion;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;

/**
 * Opens change requests on feature views: a new version proposed against the active one, or a rollback to a
 * version that was active before. Both are reviewed as contract changes are.
 */
@ApplicationScoped
public class FeatureViewChanges {

    private final FeatureViewReviews reviews;
    private final ChangeRequests changes;
    private final AuditLog audit;
    private final FeatureBaselines baselines;

    public FeatureViewChanges(FeatureViewReviews reviews, ChangeRequests changes, AuditLog audit,
            FeatureBaselines baselines) {
        this.reviews = reviews;
        this.changes = changes;
        this.audit = audit;
        this.baselines = baselines;
    }

    /**
     * Stores a new version as proposed (or as a draft), in a change request; refused if its number understates the
     * change.
     */
    @Transactional
    public ChangeRequest propose(FeatureViewDefinition definition, String yaml, FeatureViewVersion active,
            boolean draft, Caller caller, String address) {
        Impact impact = Impact.of(reviews.verifiedChanges(active, definition, yaml));
        reviews.store().insert(definition, active.datasetId(), yaml, caller.username(), draft ? "draft" : "proposed");
        FeatureViewVersion proposed = reviews.store().version(definition.name(), definition.version()).orElseThrow();
        baselines.carryOver(active, proposed.id(), unchangedFeatures(active.definition(), definition));
        ChangeRequest request = open(ChangeRequest.Kind.CHANGE, active, proposed,
                definition.description() == null ? null : abbreviated(definition.description()), impact, draft);
        audit.record(caller.username(), "change_request.proposed", "change_request", request.id.toString(), Map.of(
                "featureView", definition.name(), "version", definition.version(), "impact", impact.key(),
                "draft", draft), address);
        return request;
    }

    /**
     * Proposes to make an earlier version of a view active again: an editor of the owning team, or an
     * administrator. Its impact is that of going from the active version back to the earlier one, so rolling
     * back an added feature is breaking and needs the consumer teams too.
     */
    @Transactional
    public ChangeRequest proposeRollback(String viewName, String targetVersion, Caller caller, String address) {
        FeatureViewVersion active = reviews.active(viewName)
                .orElseThrow(() -> new NoSuchElementException("no feature view " + viewName));
        caller.require(active.owningTeam(), Role.EDITOR, "propose a rollback of feature view " + viewName);
        FeatureViewVersion target = reviews.store().version(viewName, targetVersion)
                .orElseThrow(() -> new NoSuchElementException("feature view " + viewName + " has no version "
                        + targetVersion));
        if (!target.status().equals("deprecated")) {
            throw new IllegalStateException("only a version that was active before can be rolled back to; "
                    + targetVersion + " is " + target.status());
        }
        Impact impact = Impact.of(FeatureViewDiff.between(active.definition(), active.yaml(), target.definition(),
                target.yaml()));
        ChangeRequest request = open(ChangeRequest.Kind.ROLLBACK, active, target, "Roll back to " + targetVersion,
                impact, false);
        audit.record(caller.username(), "change_request.proposed", "change_request", request.id.toString(), Map.of(
                "featureView", viewName, "rollbackTo", targetVersion, "impact", impact.key()), address);
        return request;
    }

    private ChangeRequest open(ChangeRequest.Kind kind, FeatureViewVersion base, FeatureViewVersion proposed,
            String title, Impact impact, boolean draft) {
        ChangeRequest request = new ChangeRequest();
        request.subject = ChangeRequest.Subject.FEATURE_VIEW;
        request.kind = kind;
        request.featureViewId = reviews.store().viewId(base.viewName()).orElseThrow();
        request.baseViewVersionId = base.id();
        request.proposedViewVersionId = proposed.id();
        return changes.open(request, title, proposed.version(), impact, draft);
    }

    /** The features defined alike in both versions, over the same entities of the same source. */
    private static List<String> unchangedFeatures(FeatureViewDefinition active, FeatureViewDefinition proposed) {
        if (!active.entityKey().equals(proposed.entityKey()) || !active.source().equals(proposed.source())) {
            return List.of();
        }
        return proposed.features().stream().filter(active.features()::contains).map(FeatureSpec::name).toList();
    }

    private static String abbreviated(String description) {
        String line = description.strip().lines().findFirst().orElse("");
        return line.length() <= 200 ? line : line.substring(0, 199) + "…";
    }
}
